import asyncio

async def main():
    async with asyncio.timeout(2) as scope:
        await asyncio.sleep(1)
    print("finished at", asyncio.get_running_loop().time(), "expired:", scope.expired())

asyncio.run(main())

# expect: finished at 1.0 expired: False
