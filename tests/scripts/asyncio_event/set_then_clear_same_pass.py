import asyncio

async def waiter(event):
    await event.wait()
    print("waiter woke; is_set now", event.is_set())

async def main():
    event = asyncio.Event()
    task = asyncio.create_task(waiter(event))
    await asyncio.sleep(0)
    event.set()
    event.clear()
    await task

asyncio.run(main())

# expect: waiter woke; is_set now False
