# expect error: KeyboardInterrupt line 6
# Loopscope-only exit status: a KeyboardInterrupt raised in a task leaves asyncio.run at once.
import asyncio

async def main():
    raise KeyboardInterrupt("by hand")

asyncio.run(main())
