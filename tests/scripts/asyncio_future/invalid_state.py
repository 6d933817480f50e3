import asyncio

# Only the type is printed: the messages of CPython's C Future ("Result is not set.") and of its
# pure-Python Future ("Result is not ready."), which the reference harness runs, differ.
async def main():
    future = asyncio.get_running_loop().create_future()
    try:
        future.result()
    except asyncio.InvalidStateError as error:
        print(type(error).__name__, future.done())
    future.set_result(1)
    try:
        future.set_result(2)
    except asyncio.InvalidStateError as error:
        print(type(error).__name__, future.result())

asyncio.run(main())

# expect: InvalidStateError False
# expect: InvalidStateError 1
