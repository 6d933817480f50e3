# expect error: Deadlock line 6
# Loopscope-only: CPython waits forever; Loopscope cancels the main task as Ctrl+C would and
# names where each task waits.
import asyncio
async def main():
    await asyncio.Event().wait()
asyncio.run(main())
