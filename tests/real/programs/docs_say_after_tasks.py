# after: https://docs.python.org/3.11/library/asyncio-task.html#coroutines (asyncio.create_task)
# shows: the same two coroutines wrapped in tasks run concurrently: 2 s in all, not 3
# adaptations: none
import asyncio
import time


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)


async def main():
    first = asyncio.create_task(say_after(1, "hello"))
    second = asyncio.create_task(say_after(2, "world"))
    print(f"started at {time.strftime('%X')}")
    # Both tasks are already running: waiting for them takes about 2 seconds.
    await first
    await second
    print(f"finished at {time.strftime('%X')}")


asyncio.run(main())
