# expect error: RunawayTask line 6
# Loopscope-only: a plain callback that never returns holds the loop forever.
import asyncio

def spin():
    while True:
        pass

async def main():
    asyncio.get_running_loop().call_soon(spin)
    await asyncio.sleep(1)

asyncio.run(main())
