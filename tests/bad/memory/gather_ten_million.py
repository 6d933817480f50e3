# expect error: MemoryError line 7
# Loopscope-only: gather over ten million coroutines: the memory budget ends it while they are
# being made.
import asyncio

async def main():
    await asyncio.gather(*(asyncio.sleep(0) for _ in range(10**7)))

asyncio.run(main())
