# expect error: ValueError line 5
import asyncio
async def fail():
    await asyncio.sleep(1)
    raise ValueError("task failed")
async def main():
    task = asyncio.create_task(fail())
    await task
asyncio.run(main())
