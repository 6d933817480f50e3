# expect error: LimitExceeded line 5
# Loopscope-only: CPython sleeps forever; virtual time past its budget ends the run.
import asyncio
async def main():
    await asyncio.sleep(float("inf"))
asyncio.run(main())
