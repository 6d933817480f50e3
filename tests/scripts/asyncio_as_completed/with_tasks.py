import asyncio

async def job(seconds):
    await asyncio.sleep(seconds)
    return asyncio.current_task().get_name()

async def main():
    tasks = [asyncio.create_task(job(s)) for s in (0.2, 0.1, 0.3)]
    for next_done in asyncio.as_completed(tasks):
        print(await next_done)

asyncio.run(main())

# expect: Task-3
# expect: Task-2
# expect: Task-4
