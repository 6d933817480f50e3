# title: A semaphore limits how many run at once
# summary: Semaphore(2) lets two downloads run together; five 1 s downloads therefore finish in three waves at 1, 2 and 3 s.
import asyncio

async def download(semaphore, n):
    async with semaphore:
        await asyncio.sleep(1)
        print('download', n, 'finished at', asyncio.get_running_loop().time())

async def main():
    semaphore = asyncio.Semaphore(2)
    await asyncio.gather(*(download(semaphore, n) for n in range(5)))

asyncio.run(main())
