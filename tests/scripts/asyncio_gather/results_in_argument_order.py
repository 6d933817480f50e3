import asyncio

async def job(seconds, value):
    await asyncio.sleep(seconds)
    print("finished", value)
    return value

async def main():
    print(await asyncio.gather(job(3, "a"), job(1, "b"), job(2, "c")))

asyncio.run(main())

# expect: finished b
# expect: finished c
# expect: finished a
# expect: ['a', 'b', 'c']
