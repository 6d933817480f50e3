import asyncio

async def waiter(condition, name):
    async with condition:
        await condition.wait()
        print(name, "notified at", asyncio.get_running_loop().time())

async def main():
    condition = asyncio.Condition()
    tasks = [asyncio.create_task(waiter(condition, n)) for n in ("a", "b", "c")]
    await asyncio.sleep(1)
    async with condition:
        condition.notify(1)
    await asyncio.sleep(1)
    async with condition:
        condition.notify_all()
    await asyncio.gather(*tasks)

asyncio.run(main())

# expect: a notified at 1.0
# expect: b notified at 2.0
# expect: c notified at 2.0
