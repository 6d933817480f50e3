# expect error: RuntimeError line 6
# A server would listen on the machine's network.
import asyncio

async def main():
    await asyncio.start_server(print, "0.0.0.0", 8080)

asyncio.run(main())
