# title: 100k sleepers
# summary: 100,000 tasks each sleep twice for random times, then main gathers them all; a loop- and timer-heavy benchmark.
import asyncio
import random

TASKS = 100_000

async def sleeper(first, second):
    await asyncio.sleep(first)
    await asyncio.sleep(second)
    return 1

async def main():
    tasks = [asyncio.create_task(sleeper(random.random(), random.random())) for _ in range(TASKS)]
    finished = await asyncio.gather(*tasks)
    print(sum(finished), "tasks finished at", round(asyncio.get_running_loop().time(), 6))

asyncio.run(main())
