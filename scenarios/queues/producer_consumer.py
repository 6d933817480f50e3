# title: Producer and consumer
# summary: The producer puts an item every 0.5 s, the consumer takes 1 s per item; join() returns when every item has been marked done.
import asyncio

async def producer(queue):
    for item in range(4):
        await asyncio.sleep(0.5)
        await queue.put(item)
        print('put', item, 'at', asyncio.get_running_loop().time())

async def consumer(queue):
    while True:
        item = await queue.get()
        await asyncio.sleep(1)
        print('processed', item, 'at', asyncio.get_running_loop().time())
        queue.task_done()

async def main():
    queue = asyncio.Queue()
    worker = asyncio.create_task(consumer(queue))
    await producer(queue)
    await queue.join()
    worker.cancel()
    print('all processed at', asyncio.get_running_loop().time())

asyncio.run(main())
