# expect error: LimitExceeded line 5
# Loopscope-only: a sleep of 1e300 seconds passes the virtual-time budget at once.
import asyncio
async def main():
    await asyncio.sleep(1e300)
asyncio.run(main())
