# expect error: Deadlock line 8
# Loopscope-only: join() waits for task_done() calls that never come.
import asyncio

async def main():
    queue = asyncio.Queue()
    queue.put_nowait("job")
    await queue.join()

asyncio.run(main())
