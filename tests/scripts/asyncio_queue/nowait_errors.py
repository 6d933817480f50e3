import asyncio

async def main():
    queue = asyncio.Queue(maxsize=1)
    try:
        queue.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    queue.put_nowait("x")
    try:
        queue.put_nowait("y")
    except asyncio.QueueFull:
        print("QueueFull")
    print(queue.qsize(), queue.empty(), queue.full(), queue.maxsize)

asyncio.run(main())

# expect: QueueEmpty
# expect: QueueFull
# expect: 1 False True 1
