# expect error: RuntimeError line 6
# asyncio's subprocess API is not part of the simulator.
import asyncio

async def main():
    await asyncio.create_subprocess_shell("echo pwned")

asyncio.run(main())
