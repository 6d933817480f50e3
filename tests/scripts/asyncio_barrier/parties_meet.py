import asyncio

async def party(barrier, seconds):
    await asyncio.sleep(seconds)
    print("arrived after", seconds)
    index = await barrier.wait()
    print("passed", seconds, "index", index, "at", asyncio.get_running_loop().time())

async def main():
    barrier = asyncio.Barrier(3)
    await asyncio.gather(party(barrier, 1), party(barrier, 3), party(barrier, 2))
    print("n_waiting", barrier.n_waiting, "broken", barrier.broken)

asyncio.run(main())

# expect: arrived after 1
# expect: arrived after 2
# expect: arrived after 3
# expect: passed 3 index 2 at 3.0
# expect: passed 1 index 0 at 3.0
# expect: passed 2 index 1 at 3.0
# expect: n_waiting 0 broken False
