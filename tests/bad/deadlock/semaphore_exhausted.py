# expect error: Deadlock line 8
# Loopscope-only: a semaphore acquired more often than released.
import asyncio

async def main():
    gate = asyncio.Semaphore(1)
    await gate.acquire()
    await gate.acquire()

asyncio.run(main())
