# title: Forgetting await
# summary: Calling asyncio.sleep(1) without await creates a coroutine that never runs, so no time passes and Python warns that it was never awaited.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    asyncio.sleep(1)
    print('no time passed:', loop.time())
    await asyncio.sleep(1)
    print('with await:', loop.time())

asyncio.run(main())
