# expect error: TimeoutError line 5
import asyncio

async def main():
    async with asyncio.timeout(float("-inf")):
        await asyncio.sleep(1)

asyncio.run(main())
