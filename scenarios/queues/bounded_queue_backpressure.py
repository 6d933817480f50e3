# title: A full queue makes the producer wait
# summary: With maxsize=2 the fast producer blocks on put until the slow consumer takes an item, so puts are paced by the consumer.
import asyncio

async def producer(queue):
    for item in range(5):
        await queue.put(item)
        print('put', item, 'at', asyncio.get_running_loop().time())
    await queue.put(None)

async def consumer(queue):
    while (item := await queue.get()) is not None:
        await asyncio.sleep(1)
        print('got', item, 'at', asyncio.get_running_loop().time())

async def main():
    queue = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(queue), consumer(queue))

asyncio.run(main())
