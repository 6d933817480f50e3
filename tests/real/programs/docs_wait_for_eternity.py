# after: https://docs.python.org/3.11/library/asyncio-task.html#asyncio.wait_for
# shows: wait_for gives up on a coroutine after the timeout and cancels it
# adaptations: none
import asyncio


async def eternity():
    # Sleep for one hour
    await asyncio.sleep(3600)
    print("yay!")


async def main():
    try:
        await asyncio.wait_for(eternity(), timeout=1.0)
    except TimeoutError:
        print("timeout!")


asyncio.run(main())
