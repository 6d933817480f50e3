import asyncio

async def worker(queue):
    while True:
        item = await queue.get()
        await asyncio.sleep(item)
        print("done", item)
        queue.task_done()

async def main():
    queue = asyncio.Queue()
    for item in (2, 1, 3):
        queue.put_nowait(item)
    task = asyncio.create_task(worker(queue))
    await queue.join()
    print("joined at", asyncio.get_running_loop().time(), "unfinished", queue.qsize())
    task.cancel()

asyncio.run(main())

# expect: done 2
# expect: done 1
# expect: done 3
# expect: joined at 6.0 unfinished 0
