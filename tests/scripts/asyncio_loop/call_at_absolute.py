import asyncio

async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(1)
    handle = loop.call_at(2.5, lambda: print("at", loop.time()))
    print("when", handle.when())
    await asyncio.sleep(2)

asyncio.run(main())

# expect: when 2.5
# expect: at 2.5
