import asyncio

async def waiter(event, name):
    await event.wait()
    print(name, "woke at", asyncio.get_running_loop().time())

async def main():
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(event, n)) for n in ("a", "b")]
    await asyncio.sleep(1.5)
    event.set()
    await asyncio.gather(*tasks)

asyncio.run(main())

# expect: a woke at 1.5
# expect: b woke at 1.5
