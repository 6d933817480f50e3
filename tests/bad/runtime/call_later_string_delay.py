# expect error: TypeError line 5
import asyncio

async def main():
    asyncio.get_running_loop().call_later("soon", print, "x")

asyncio.run(main())
