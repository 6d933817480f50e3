# expect error: SystemExit
# Loopscope-only exit status: SystemExit from a plain callback ends the loop and the program.
import asyncio
import sys

async def main():
    asyncio.get_running_loop().call_soon(sys.exit, 2)
    await asyncio.sleep(1)
    print("not reached")

asyncio.run(main())
