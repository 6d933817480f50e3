# expect error: TimeoutError line 5
import asyncio

async def main():
    await asyncio.wait_for(asyncio.sleep(1), timeout=float("nan"))

asyncio.run(main())
