# expect error: MemoryError line 7
# Loopscope-only: every task starts two more and sleeps; the task count doubles each pass.
import asyncio

async def spawn(payload):
    for _ in range(2):
        asyncio.create_task(spawn(payload * 2))
    await asyncio.sleep(1)

async def main():
    await spawn("x")
    await asyncio.sleep(3600)

asyncio.run(main())
