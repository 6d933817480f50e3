# after: https://docs.python.org/3.11/library/asyncio-task.html#sleeping
# shows: a coroutine printing the current date every second for 5 seconds, stopping by loop.time()
# adaptations: none (the dates are the virtual clock's: the run starts at the epoch)
import asyncio
import datetime


async def display_date():
    loop = asyncio.get_running_loop()
    end_time = loop.time() + 5.0
    while True:
        print(datetime.datetime.now())
        if (loop.time() + 1.0) >= end_time:
            break
        await asyncio.sleep(1)


asyncio.run(display_date())
