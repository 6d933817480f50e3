# Many wait_for calls whose inner tasks finish early leave cancelled timers behind.
import asyncio

async def quick(i):
    await asyncio.sleep(0.01 * (i % 5))
    return i

async def guarded(i):
    r = await asyncio.wait_for(quick(i), timeout=10 + i)
    if i % 40 == 0:
        print("done", i, r)
    return r

async def main():
    results = await asyncio.gather(*(guarded(i) for i in range(120)))
    print(sum(results))
    await asyncio.sleep(1)
    print("end", asyncio.get_running_loop().time())

asyncio.run(main())

# expect: done 0 0
# expect: done 40 40
# expect: done 80 80
# expect: 7140
# expect: end 1.04
