# title: Awaiting one by one versus together
# summary: Awaiting two 1 s sleeps one after the other takes 2 s; running them as tasks with gather takes 1 s.
import asyncio

async def job(name):
    await asyncio.sleep(1)
    return name

async def main():
    loop = asyncio.get_running_loop()
    await job('a')
    await job('b')
    print('sequential finished at', loop.time())
    start = loop.time()
    await asyncio.gather(job('c'), job('d'))
    print('concurrent took', loop.time() - start)

asyncio.run(main())
