# after: Matthew Fowler, "Python Concurrency with asyncio" (Manning, 2022), chapter 2: running
#        blocking code inside a coroutine
# shows: time.sleep in a task holds the loop: the tasks run one after the other, not together
# adaptations: the book uses a blocking requests.get; here time.sleep blocks the same way
import asyncio
import time


async def blocking(n):
    print(f"{n} blocks the loop at {time.monotonic():.1f}")
    time.sleep(1)
    return n


async def main():
    start = time.monotonic()
    results = await asyncio.gather(*(blocking(n) for n in range(3)))
    print(results, f"took {time.monotonic() - start:.1f} s")


asyncio.run(main())
