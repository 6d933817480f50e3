import asyncio

async def main():
    condition = asyncio.Condition()
    items = []

    async def consumer():
        async with condition:
            await condition.wait_for(lambda: len(items) >= 3)
            print("consumer sees", items, "at", asyncio.get_running_loop().time())

    task = asyncio.create_task(consumer())
    for i in range(3):
        await asyncio.sleep(1)
        async with condition:
            items.append(i)
            condition.notify_all()
    await task

asyncio.run(main())

# expect: consumer sees [0, 1, 2] at 3.0
