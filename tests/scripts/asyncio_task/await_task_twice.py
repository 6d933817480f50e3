import asyncio

async def job():
    await asyncio.sleep(1)
    return 7

async def main():
    task = asyncio.create_task(job())
    print(await task, await task, asyncio.get_running_loop().time())

asyncio.run(main())

# expect: 7 7 1.0
