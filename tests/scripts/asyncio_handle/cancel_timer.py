import asyncio

async def main():
    loop = asyncio.get_running_loop()
    handle = loop.call_later(1, print, "should not print")
    other = loop.call_later(2, print, "second timer fires")
    print(handle.when(), other.when())
    handle.cancel()
    print(handle.cancelled(), other.cancelled())
    await asyncio.sleep(3)

asyncio.run(main())

# expect: 1.0 2.0
# expect: True False
# expect: second timer fires
