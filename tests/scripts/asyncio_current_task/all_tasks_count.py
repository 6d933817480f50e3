import asyncio

async def sleeper(seconds):
    await asyncio.sleep(seconds)

async def main():
    for s in (1, 2, 3):
        asyncio.create_task(sleeper(s))
    print(len(asyncio.all_tasks()))
    await asyncio.sleep(1.5)
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.sleep(2)
    print(len(asyncio.all_tasks()), asyncio.current_task() in asyncio.all_tasks())

asyncio.run(main())

# expect: 4
# expect: ['Task-1', 'Task-3', 'Task-4']
# expect: 1 True
