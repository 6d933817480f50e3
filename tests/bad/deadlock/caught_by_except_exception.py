# expect error: Deadlock line 8
# Loopscope-only: except Exception around asyncio.run does not swallow a deadlock.
import asyncio

async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    await lock.acquire()

try:
    asyncio.run(main())
except Exception:
    print("swallowed")
print("carried on")
