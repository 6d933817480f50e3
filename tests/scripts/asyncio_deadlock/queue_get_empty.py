import asyncio

async def main():
    queue = asyncio.Queue()
    await asyncio.sleep(2)
    print("getting from an empty queue")
    await queue.get()

asyncio.run(main())

# expect: getting from an empty queue
# expect error: Deadlock
