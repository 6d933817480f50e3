# title: time.sleep blocks everyone
# summary: time.sleep inside a coroutine holds the loop: the ticker that should tick every 0.5 s is silent for the whole 2 s block.
import asyncio
import time

async def ticker():
    for i in range(4):
        print('tick', i, 'at', asyncio.get_running_loop().time())
        await asyncio.sleep(0.5)

async def blocker():
    await asyncio.sleep(0.1)
    print('blocking for 2 s')
    time.sleep(2)
    print('unblocked at', asyncio.get_running_loop().time())

async def main():
    await asyncio.gather(ticker(), blocker())

asyncio.run(main())
