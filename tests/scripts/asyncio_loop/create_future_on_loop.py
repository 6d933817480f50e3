import asyncio

async def main():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    loop.call_later(1.5, future.set_result, "filled")
    print(await future, loop.time())

asyncio.run(main())

# expect: filled 1.5
