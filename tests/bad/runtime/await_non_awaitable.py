# expect error: TypeError line 4
import asyncio
async def main():
    await 5
asyncio.run(main())
