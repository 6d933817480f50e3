# title: A TaskGroup waits for all its tasks
# summary: Leaving the async with block waits for every task started in it; the group ends at 3 s, when its slowest task ends.
import asyncio

async def job(seconds):
    await asyncio.sleep(seconds)
    print(seconds, 's job done at', asyncio.get_running_loop().time())
    return seconds

async def main():
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(job(s)) for s in (3, 1, 2)]
    print('results', [t.result() for t in tasks])

asyncio.run(main())
