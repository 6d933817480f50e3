import asyncio

async def leaf():
    await asyncio.sleep(1)
    return "leaf"

async def middle():
    return "middle+" + await asyncio.create_task(leaf())

async def main():
    print(await asyncio.create_task(middle()))

asyncio.run(main())

# expect: middle+leaf
