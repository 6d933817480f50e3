import asyncio

async def job(semaphore, n):
    async with semaphore:
        print("start", n, "at", asyncio.get_running_loop().time())
        await asyncio.sleep(1)

async def main():
    semaphore = asyncio.Semaphore(2)
    await asyncio.gather(*(job(semaphore, n) for n in range(5)))

asyncio.run(main())

# expect: start 0 at 0.0
# expect: start 1 at 0.0
# expect: start 2 at 1.0
# expect: start 3 at 1.0
# expect: start 4 at 2.0
