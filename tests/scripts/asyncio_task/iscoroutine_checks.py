import asyncio

async def job():
    return 1

def plain():
    return 1

async def main():
    coro = job()
    print(asyncio.iscoroutine(coro), asyncio.iscoroutine(plain()))
    print(asyncio.iscoroutinefunction(job), asyncio.iscoroutinefunction(plain))
    task = asyncio.create_task(coro)
    print(asyncio.iscoroutine(task), asyncio.isfuture(task))
    await task

asyncio.run(main())

# expect: True False
# expect: True False
# expect: False True
