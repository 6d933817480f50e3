# expect error: RunawayTask line 7
# Loopscope-only: gather over ten million coroutines: a budget ends it while they are being made
# (the native loop's objects are small enough that the instruction budget comes first).
import asyncio

async def main():
    await asyncio.gather(*(asyncio.sleep(0) for _ in range(10**7)))

asyncio.run(main())
