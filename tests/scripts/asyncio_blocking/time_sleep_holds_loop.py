import asyncio
import time

async def blocker():
    print("blocking at", time.monotonic())
    time.sleep(2)
    print("unblocked at", time.monotonic())

async def ticker():
    for _ in range(3):
        print("tick at", time.monotonic())
        await asyncio.sleep(0.5)

async def main():
    await asyncio.gather(ticker(), blocker())

asyncio.run(main())

# expect: tick at 0.0
# expect: blocking at 0.0
# expect: unblocked at 2.0
# expect: tick at 2.0
# expect: tick at 2.5
