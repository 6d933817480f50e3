import asyncio

async def main():
    loop = asyncio.get_running_loop()
    for _ in range(3):
        await asyncio.sleep(0.1)
    print(loop.time())
    print(repr(loop.time()))

asyncio.run(main())

# expect: 0.30000000000000004
# expect: 0.30000000000000004
