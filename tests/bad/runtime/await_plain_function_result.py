# expect error: TypeError line 6
import asyncio
def work():
    return 1
async def main():
    await work()
asyncio.run(main())
