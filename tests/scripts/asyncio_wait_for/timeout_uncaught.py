import asyncio

async def main():
    await asyncio.wait_for(asyncio.sleep(2), timeout=1)

asyncio.run(main())

# expect error: TimeoutError
