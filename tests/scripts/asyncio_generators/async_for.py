import asyncio

async def ticks(n):
    for i in range(n):
        await asyncio.sleep(0.5)
        yield i

async def main():
    async for tick in ticks(3):
        print("tick", tick, asyncio.get_running_loop().time())

asyncio.run(main())

# expect: tick 0 0.5
# expect: tick 1 1.0
# expect: tick 2 1.5
