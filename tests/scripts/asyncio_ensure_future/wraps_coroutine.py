import asyncio

async def job():
    return "from coroutine"

async def main():
    task = asyncio.ensure_future(job())
    print(isinstance(task, asyncio.Task), task.get_name())
    print(await task)

asyncio.run(main())

# expect: True Task-2
# expect: from coroutine
