import asyncio

async def job():
    return asyncio.current_task().get_name()

async def main():
    named = asyncio.create_task(job(), name="downloader")
    unnamed = asyncio.create_task(job())
    print(await named, await unnamed)

asyncio.run(main())

# expect: downloader Task-3
