# expect error: AttributeError line 6
# asyncio's network API is not part of the simulator.
import asyncio

async def main():
    reader, writer = await asyncio.open_connection("example.com", 80)

asyncio.run(main())
