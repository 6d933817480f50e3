import asyncio

async def getter(queue, name):
    item = await queue.get()
    print(name, "got", item)

async def main():
    queue = asyncio.Queue()
    tasks = [asyncio.create_task(getter(queue, n)) for n in ("first", "second", "third")]
    await asyncio.sleep(1)
    for item in range(3):
        queue.put_nowait(item)
    await asyncio.gather(*tasks)

asyncio.run(main())

# expect: first got 0
# expect: second got 1
# expect: third got 2
