# title: A lock lets one task in at a time
# summary: Three tasks want the same lock; each holds it for 1 s, so they finish at 1, 2 and 3 s in the order they asked.
import asyncio

async def use(lock, name):
    async with lock:
        print(name, 'has the lock at', asyncio.get_running_loop().time())
        await asyncio.sleep(1)

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(use(lock, 'a'), use(lock, 'b'), use(lock, 'c'))
    print('all done at', asyncio.get_running_loop().time())

asyncio.run(main())
