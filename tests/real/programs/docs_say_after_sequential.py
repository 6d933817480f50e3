# after: https://docs.python.org/3.11/library/asyncio-task.html#coroutines ("Awaiting on a coroutine")
# shows: awaiting two coroutines one after the other takes 1 s + 2 s; the clock is printed with
#        time.strftime('%X') before and after
# adaptations: none
import asyncio
import time


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)


async def main():
    print(f"started at {time.strftime('%X')}")
    await say_after(1, "hello")
    await say_after(2, "world")
    print(f"finished at {time.strftime('%X')}")


asyncio.run(main())
