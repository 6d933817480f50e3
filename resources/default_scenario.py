# title: Two additions, one slow and one fast
# summary: create_task starts both coroutines; the program ends after 5 s, not 8.
import asyncio
import time

async def add_slow(a, b):
    await asyncio.sleep(5)
    return a + b

async def add_fast(a, b):
    await asyncio.sleep(3)
    return a + b

async def main():
    start = time.time()
    slow = asyncio.create_task(add_slow(3, 4))
    fast = asyncio.create_task(add_fast(5, 5))
    print(await slow, await fast)
    print(f"took {time.time() - start:.1f} s")

asyncio.run(main())
