# expect error: LimitExceeded line 6
# Loopscope-only: CPython would sleep forever. Virtual time past the budget ends the run.
import asyncio
async def tick():
    while True:
        await asyncio.sleep(1000)
asyncio.run(tick())
