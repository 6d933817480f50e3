# expect error: LimitExceeded line 13
# Loopscope-only: the loop's error reports for failing callbacks are output too.
import asyncio

def fail(loop):
    loop.call_soon(fail, loop)
    raise ValueError("again")

async def main():
    asyncio.get_running_loop().call_soon(fail, asyncio.get_running_loop())
    await asyncio.sleep(3600)

asyncio.run(main())
