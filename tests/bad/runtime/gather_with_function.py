# expect error: TypeError line 6
import asyncio
async def job():
    return 1
async def main():
    await asyncio.gather(job)
asyncio.run(main())
