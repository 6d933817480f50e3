import asyncio
import sys

async def main():
    await asyncio.sleep(2)
    print("exiting at", asyncio.get_running_loop().time())
    sys.exit(0)

asyncio.run(main())
print("not reached")

# expect: exiting at 2.0
