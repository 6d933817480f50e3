import asyncio

async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(5):
        try:
            async with asyncio.timeout(1):
                await asyncio.sleep(3)
        except TimeoutError:
            print("inner timed out at", loop.time())
        await asyncio.sleep(1)
    print("outer block done at", loop.time())

asyncio.run(main())

# expect: inner timed out at 1.0
# expect: outer block done at 2.0
