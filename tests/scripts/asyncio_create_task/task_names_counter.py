import asyncio

async def job():
    return asyncio.current_task().get_name()

async def main():
    tasks = [asyncio.create_task(job()) for _ in range(3)]
    print(asyncio.current_task().get_name())
    print(await asyncio.gather(*tasks))

asyncio.run(main())

# expect: Task-1
# expect: ['Task-2', 'Task-3', 'Task-4']
