import asyncio

async def main():
    loop = asyncio.get_running_loop()
    for _ in range(10):
        await asyncio.sleep(0.1)
    print(repr(loop.time()))
    deadline = loop.time() + 0.7
    loop.call_at(deadline, lambda: print(loop.time() == deadline))
    await asyncio.sleep(1)

asyncio.run(main())

# expect: 0.9999999999999999
# expect: True
