# title: asyncio.timeout around a block
# summary: The timeout context manager cancels whatever the block awaits when its deadline passes and turns the cancellation into TimeoutError at the end of the block.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(1.5):
            for step in range(5):
                await asyncio.sleep(1)
                print('step', step, 'done at', loop.time())
    except TimeoutError:
        print('block timed out at', loop.time())

asyncio.run(main())
