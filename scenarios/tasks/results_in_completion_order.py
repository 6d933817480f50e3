# title: Results as they arrive
# summary: as_completed yields the earliest finished result first, so the 1 s job prints before the 2 s and 3 s jobs even though it was passed last.
import asyncio

async def job(seconds):
    await asyncio.sleep(seconds)
    return f'{seconds} s job'

async def main():
    for next_done in asyncio.as_completed([job(3), job(2), job(1)]):
        print(await next_done, 'at', asyncio.get_running_loop().time())

asyncio.run(main())
