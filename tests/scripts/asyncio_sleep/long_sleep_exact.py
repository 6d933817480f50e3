import asyncio

async def main():
    await asyncio.sleep(100000)
    print(asyncio.get_running_loop().time())

asyncio.run(main())

# expect: 100000.0
