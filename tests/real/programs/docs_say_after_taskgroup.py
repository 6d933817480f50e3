# after: https://docs.python.org/3.11/library/asyncio-task.html#coroutines (asyncio.TaskGroup)
# shows: a TaskGroup starts the tasks and waits for all of them when its block ends
# adaptations: none
import asyncio
import time


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)


async def main():
    async with asyncio.TaskGroup() as group:
        group.create_task(say_after(1, "hello"))
        group.create_task(say_after(2, "world"))
        print(f"started at {time.strftime('%X')}")
    # The group waited for both tasks.
    print(f"finished at {time.strftime('%X')}")


asyncio.run(main())
