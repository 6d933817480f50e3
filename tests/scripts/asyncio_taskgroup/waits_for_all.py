import asyncio

async def job(seconds):
    await asyncio.sleep(seconds)
    print("job", seconds)
    return seconds

async def main():
    async with asyncio.TaskGroup() as group:
        first = group.create_task(job(2))
        second = group.create_task(job(1))
    print(first.result(), second.result(), asyncio.get_running_loop().time())

asyncio.run(main())

# expect: job 1
# expect: job 2
# expect: 2 1 2.0
