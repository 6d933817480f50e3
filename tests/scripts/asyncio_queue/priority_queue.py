import asyncio

async def main():
    queue = asyncio.PriorityQueue()
    for entry in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]:
        queue.put_nowait(entry)
    while not queue.empty():
        print(await queue.get())

asyncio.run(main())

# expect: (1, 'also urgent')
# expect: (1, 'urgent')
# expect: (2, 'normal')
# expect: (3, 'low')
