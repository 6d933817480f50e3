import asyncio

async def party(barrier):
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError:
        print("barrier broken at", asyncio.get_running_loop().time())

async def main():
    barrier = asyncio.Barrier(3)
    task = asyncio.create_task(party(barrier))
    await asyncio.sleep(1)
    await barrier.abort()
    await task
    print(barrier.broken)

asyncio.run(main())

# expect: barrier broken at 1.0
# expect: True
