import asyncio

async def consumer(queue):
    for _ in range(3):
        item = await queue.get()
        print("got", item, "at", asyncio.get_running_loop().time())

async def main():
    queue = asyncio.Queue()
    task = asyncio.create_task(consumer(queue))
    for item in "abc":
        await asyncio.sleep(1)
        queue.put_nowait(item)
    await task

asyncio.run(main())

# expect: got a at 1.0
# expect: got b at 2.0
# expect: got c at 3.0
