# expect error: MemoryError line 9
# Loopscope-only: put_nowait on an unbounded queue never yields, and nobody consumes.
import asyncio

async def main():
    queue = asyncio.Queue()
    n = 0
    while True:
        queue.put_nowait(str(n) * 100)
        n += 1

asyncio.run(main())
