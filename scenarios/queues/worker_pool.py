# title: A pool of workers shares a queue
# summary: Three workers take jobs of different lengths from one queue; whoever is free takes the next job, and join() waits for all of them.
import asyncio

async def worker(name, queue):
    while True:
        seconds = await queue.get()
        await asyncio.sleep(seconds)
        print(name, 'did a', seconds, 's job, done at', asyncio.get_running_loop().time())
        queue.task_done()

async def main():
    queue = asyncio.Queue()
    for seconds in (3, 1, 2, 1, 1, 2):
        queue.put_nowait(seconds)
    workers = [asyncio.create_task(worker(f'worker-{i}', queue)) for i in range(3)]
    await queue.join()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    print('queue drained at', asyncio.get_running_loop().time())

asyncio.run(main())
