# expect error: Deadlock line 6
# Loopscope-only: without asyncio.run there is no runner to interrupt: the run ends at once.
import asyncio

async def main():
    await asyncio.Event().wait()

loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main())
except BaseException:
    print("caught")
