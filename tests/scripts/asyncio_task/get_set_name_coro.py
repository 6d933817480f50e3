import asyncio

async def job():
    await asyncio.sleep(0)

async def main():
    task = asyncio.create_task(job())
    print(task.get_name())
    task.set_name("renamed")
    print(task.get_name(), task.get_coro().__name__)
    await task

asyncio.run(main())

# expect: Task-2
# expect: renamed job
