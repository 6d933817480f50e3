import asyncio

async def waiter(name, event):
    try:
        await event.wait()
    finally:
        print(name, "finally")

async def main():
    event = asyncio.Event()
    async with asyncio.TaskGroup() as group:
        group.create_task(waiter("a", event))
        group.create_task(waiter("b", event))
    print("not reached")

asyncio.run(main())

# expect: a finally
# expect: b finally
# expect error: Deadlock
