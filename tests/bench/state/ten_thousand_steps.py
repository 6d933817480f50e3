# A run of about 10,000 steps for timing `loopscope state` and the window's cursor: 100 workers
# take 100 jobs each from a queue-like list, each job a short random sleep.
import asyncio
import random


async def worker(name, jobs, done):
    handled = 0
    while jobs:
        job = jobs.pop()
        await asyncio.sleep(random.random() / 10)
        handled += 1
        done.append((name, job))
    return handled


async def main():
    jobs = list(range(10_000))
    done = []
    workers = [asyncio.create_task(worker(f"w{i}", jobs, done)) for i in range(100)]
    counts = await asyncio.gather(*workers)
    print(len(done), sum(counts))


asyncio.run(main())
