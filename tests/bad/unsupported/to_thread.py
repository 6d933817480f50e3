# expect error: RuntimeError line 6
# There are no threads: asyncio.to_thread says so and suggests asyncio.sleep.
import asyncio

async def main():
    await asyncio.to_thread(print, "in a thread")

asyncio.run(main())
