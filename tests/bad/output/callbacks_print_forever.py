# expect error: LimitExceeded line 6
# Loopscope-only: a loop callback that reschedules itself and prints each time.
import asyncio

def tick(loop, n):
    print("tick", n)
    loop.call_soon(tick, loop, n + 1)

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(tick, loop, 0)
    await asyncio.sleep(3600)

asyncio.run(main())
