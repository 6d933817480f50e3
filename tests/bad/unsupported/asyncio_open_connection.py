# expect error: RuntimeError line 6
# The network does not exist in the simulator: asyncio.open_connection says so and suggests asyncio.sleep.
import asyncio

async def main():
    reader, writer = await asyncio.open_connection("example.com", 80)

asyncio.run(main())
