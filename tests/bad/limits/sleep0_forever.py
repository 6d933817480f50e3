# expect error: LimitExceeded line 9
# loopscope options: --max-passes 200000
# Loopscope-only: yielding forever is not a runaway, but the loop's pass budget ends it and
# names where the task stood. (The default budget, three million passes, takes a few seconds.)
import asyncio

async def main():
    while True:
        await asyncio.sleep(0)

asyncio.run(main())
