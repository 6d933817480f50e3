# after: https://docs.python.org/3.11/library/asyncio-task.html#awaitables
# shows: calling a coroutine function only creates a coroutine object; awaiting it runs it; a
#        task made from it runs as soon as the caller yields
# adaptations: none
import asyncio


async def nested():
    return 42


async def main():
    coroutine = nested()
    print(type(coroutine).__name__)
    print(await coroutine)
    task = asyncio.create_task(nested())
    print(await task)


asyncio.run(main())
