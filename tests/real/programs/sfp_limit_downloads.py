# after: Jason Brownlee, "Asyncio Semaphore in Python", SuperFastPython
#        (https://superfastpython.com/asyncio-semaphore/)
# shows: ten simulated downloads with a random duration, at most three at a time
# adaptations: the download is an asyncio.sleep
import asyncio
import random


async def task(semaphore, number):
    async with semaphore:
        value = random.random()
        await asyncio.sleep(value)
        print(f"Task {number} got {value}")


async def main():
    semaphore = asyncio.Semaphore(3)
    tasks = [asyncio.create_task(task(semaphore, i)) for i in range(10)]
    _ = await asyncio.wait(tasks)


asyncio.run(main())
