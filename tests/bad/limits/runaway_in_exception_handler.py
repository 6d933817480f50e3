# expect error: RunawayTask line 6
# Loopscope-only: the loop's exception handler is scenario code too.
import asyncio

def handler(loop, context):
    while True:
        pass

async def broken():
    raise ValueError("lost")

async def main():
    asyncio.get_running_loop().set_exception_handler(handler)
    asyncio.get_running_loop().call_soon(lambda: 1 / 0)
    await asyncio.sleep(1)

asyncio.run(main())
