# title: 1M queue hand-offs
# summary: A producer puts 1,000,000 items into a bounded queue and a consumer gets them one by one; every put and get hands control between the two tasks.
import asyncio

ITEMS = 1_000_000

async def producer(queue):
    for item in range(ITEMS):
        await queue.put(item)
    await queue.put(None)

async def consumer(queue):
    total = 0
    while True:
        item = await queue.get()
        if item is None:
            return total
        total += item

async def main():
    queue = asyncio.Queue(maxsize=1)
    _, total = await asyncio.gather(producer(queue), consumer(queue))
    print("consumed total", total)

asyncio.run(main())
