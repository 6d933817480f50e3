import asyncio

async def main():
    loop = asyncio.get_running_loop()
    first = loop.call_soon(print, "first")
    second = loop.call_soon(print, "second")
    second.cancel()
    await asyncio.sleep(0)
    print(first.cancelled(), second.cancelled())

asyncio.run(main())

# expect: first
# expect: False True
