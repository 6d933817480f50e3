import asyncio

async def waiter(ev):
    print("waiting")
    await ev.wait()

async def main():
    ev = asyncio.Event()
    t = asyncio.create_task(waiter(ev))
    await asyncio.sleep(1)
    await t

asyncio.run(main())

# expect: waiting
# expect error: Deadlock
