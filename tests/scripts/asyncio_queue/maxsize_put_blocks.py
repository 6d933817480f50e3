import asyncio

async def producer(queue):
    for i in range(4):
        await queue.put(i)
        print("put", i, "at", asyncio.get_running_loop().time(), "size", queue.qsize(), "full", queue.full())

async def main():
    queue = asyncio.Queue(maxsize=2)
    task = asyncio.create_task(producer(queue))
    await asyncio.sleep(1)
    print("took", queue.get_nowait())
    await asyncio.sleep(1)
    print("took", queue.get_nowait())
    await task

asyncio.run(main())

# expect: put 0 at 0.0 size 1 full False
# expect: put 1 at 0.0 size 2 full True
# expect: took 0
# expect: put 2 at 1.0 size 2 full True
# expect: took 1
# expect: put 3 at 2.0 size 2 full True
