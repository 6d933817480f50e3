import asyncio

async def job():
    await asyncio.sleep(1)
    return "once"

async def main():
    task = asyncio.create_task(job())
    print(await asyncio.gather(task, task, job()))

asyncio.run(main())

# expect: ['once', 'once', 'once']
