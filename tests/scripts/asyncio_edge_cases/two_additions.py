import asyncio
async def add(a, b, d):
    await asyncio.sleep(d)
    print(a + b)
    return a + b
async def main():
    t1 = asyncio.create_task(add(1, 2, 3))
    t2 = asyncio.create_task(add(3, 4, 5))
    print(await t1, await t2)
asyncio.run(main())

# expect: 3
# expect: 7
# expect: 3 7
