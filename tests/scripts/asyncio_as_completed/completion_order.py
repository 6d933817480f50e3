import asyncio

async def job(seconds):
    await asyncio.sleep(seconds)
    return seconds

async def main():
    for next_done in asyncio.as_completed([job(3), job(1), job(2)]):
        print(await next_done, asyncio.get_running_loop().time())

asyncio.run(main())

# expect: 1 1.0
# expect: 2 2.0
# expect: 3 3.0
