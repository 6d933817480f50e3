# after: https://docs.python.org/3.11/library/asyncio-dev.html#detect-never-retrieved-exceptions
# shows: a task whose exception nobody retrieves; asyncio reports it on stderr when the task goes
# adaptations: main prints what it does (the documentation's main only creates the task)
import asyncio


async def bug():
    raise Exception("not consumed")


async def main():
    asyncio.create_task(bug())
    await asyncio.sleep(0.1)
    print("main ends without looking at the task")


asyncio.run(main())
