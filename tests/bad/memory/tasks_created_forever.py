# expect error: MemoryError line 7
# Loopscope-only: a coroutine creates tasks in a loop without ever yielding to run them.
import asyncio

async def main():
    while True:
        asyncio.create_task(asyncio.sleep(1, "x" * 1000))

asyncio.run(main())
