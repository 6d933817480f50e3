import asyncio

async def main():
    queue = asyncio.Queue()
    getter = asyncio.create_task(queue.get())
    await asyncio.sleep(1)
    getter.cancel()
    await asyncio.sleep(0)
    queue.put_nowait("kept")
    print(getter.cancelled(), queue.qsize(), queue.get_nowait())

asyncio.run(main())

# expect: True 1 kept
