# title: Ten coroutines sleep for random times
# summary: Ten tasks each sleep 1 to 5 s and finish in order of their sleep, not of their creation; the whole program takes just over 5 s, not the sum of the sleeps.
# seed: 0
import asyncio
import random

async def myCoroutine(id):
    process_time = random.randint(1,5)
    await asyncio.sleep(process_time)
    print("Coroutine: {}, has successfully completed after {} seconds".format(id, process_time))

async def main():
    tasks = []
    for i in range(10):
        tasks.append(asyncio.ensure_future(myCoroutine(i)))

    await asyncio.gather(*tasks)


loop = asyncio.get_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()
