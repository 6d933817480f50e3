# after: https://docs.python.org/3.11/library/asyncio-sync.html#semaphore
# shows: a Semaphore lets at most two tasks into the guarded block at once
# adaptations: the documentation's fragment becomes a program with five tasks
import asyncio


async def fetch(n, semaphore):
    async with semaphore:
        print(f"fetch {n} starts at {asyncio.get_running_loop().time():.1f}")
        await asyncio.sleep(1)
    return n * 10


async def main():
    semaphore = asyncio.Semaphore(2)
    print(await asyncio.gather(*(fetch(n, semaphore) for n in range(5))))


asyncio.run(main())
