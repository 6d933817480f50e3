# expect error: SystemExit
# Loopscope-only exit status: sys.exit(3) in a task ends the program; CPython exits with status
# 3, Loopscope with 1 and says so.
import asyncio
import sys

async def main():
    sys.exit(3)

asyncio.run(main())
print("not reached")
