# after: https://realpython.com/async-io-python/ (countasync.py)
# shows: three count() coroutines run concurrently: about 1 second in all
# adaptations: prints the file name without its folder (__file__ names the folder the tests run in)
import asyncio
import time


async def count():
    print("One")
    await asyncio.sleep(1)
    print("Two")


async def main():
    await asyncio.gather(count(), count(), count())


if __name__ == "__main__":
    s = time.perf_counter()
    asyncio.run(main())
    elapsed = time.perf_counter() - s
    print(f"{__file__.rsplit('/', 1)[-1]} executed in {elapsed:0.2f} seconds.")
