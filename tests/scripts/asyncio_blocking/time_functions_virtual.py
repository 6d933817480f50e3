import asyncio
import time

async def main():
    start = time.perf_counter()
    await asyncio.sleep(1.5)
    time.sleep(0.25)
    print(time.perf_counter() - start, time.time(), time.monotonic())
    print(asyncio.get_running_loop().time())

asyncio.run(main())

# expect: 1.75 1.75 1.75
# expect: 1.75
