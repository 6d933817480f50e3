# expect error: LimitExceeded line 7
# Loopscope-only: a timer that re-arms itself every hour: virtual time runs out.
import asyncio

async def main():
    while True:
        await asyncio.sleep(3600)

asyncio.run(main())
