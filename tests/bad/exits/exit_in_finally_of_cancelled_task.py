# expect error: SystemExit
# Loopscope-only exit status: a cancelled task's finally clause calls sys.exit.
import asyncio
import sys

async def worker():
    try:
        await asyncio.sleep(10)
    finally:
        sys.exit(4)

async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(1)
    task.cancel()
    await asyncio.sleep(1)

asyncio.run(main())
