import asyncio

async def main():
    try:
        async with asyncio.timeout(2):
            await asyncio.sleep(5)
    except TimeoutError:
        print("timed out at", asyncio.get_running_loop().time())

asyncio.run(main())

# expect: timed out at 2.0
