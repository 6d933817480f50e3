# expect error: Deadlock line 8
# Loopscope-only: waiting on a condition that nobody notifies.
import asyncio

async def main():
    condition = asyncio.Condition()
    async with condition:
        await condition.wait()

asyncio.run(main())
