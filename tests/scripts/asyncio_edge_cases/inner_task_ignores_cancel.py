import asyncio

async def stubborn():
    for i in range(3):
        try:
            await asyncio.sleep(1)
            print("slept", i)
        except asyncio.CancelledError:
            print("ignoring cancel", i, asyncio.current_task().cancelling())
    return "finished anyway"

async def waiter(t):
    try:
        return await t
    except asyncio.CancelledError:
        print("waiter cancelled")
        raise

async def main():
    t = asyncio.create_task(stubborn())
    w = asyncio.create_task(waiter(t))
    await asyncio.sleep(0.5)
    w.cancel()
    await asyncio.sleep(0)
    print(w.cancelled(), t.done())
    await asyncio.sleep(0.2)
    t.cancel("again")
    print(await t)
    print(t.cancelling(), t.uncancel(), t.uncancel())

asyncio.run(main())

# expect: ignoring cancel 0 1
# expect: False False
# expect: ignoring cancel 1 2
# expect: slept 2
# expect: finished anyway
# expect: 2 1 0
