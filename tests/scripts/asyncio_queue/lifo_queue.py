import asyncio

async def main():
    queue = asyncio.LifoQueue()
    for item in (1, 2, 3):
        await queue.put(item)
    print([queue.get_nowait() for _ in range(3)])

asyncio.run(main())

# expect: [3, 2, 1]
