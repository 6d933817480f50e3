# after: https://docs.python.org/3.11/library/asyncio-task.html#coroutines (the first example)
# shows: a coroutine that prints, sleeps a second, prints again, run with asyncio.run
# adaptations: none
import asyncio


async def main():
    print("hello")
    await asyncio.sleep(1)
    print("world")


asyncio.run(main())
