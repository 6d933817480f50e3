# expect error: RuntimeError line 6
# Signal handlers would reach the real process.
import asyncio

async def main():
    asyncio.get_running_loop().add_signal_handler(2, print)

asyncio.run(main())
