# expect error: ExceptionGroup line 11
import asyncio

def depth(n):
    return depth(n + 1) + 1

async def worker():
    depth(0)

async def main():
    async with asyncio.TaskGroup() as group:
        group.create_task(worker())

asyncio.run(main())
