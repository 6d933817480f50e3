import asyncio

async def main():
    future = asyncio.get_running_loop().create_future()
    future.set_exception(ValueError("broken"))
    print(repr(future.exception()))
    try:
        await future
    except ValueError as error:
        print("awaiting raises", repr(error))

asyncio.run(main())

# expect: ValueError('broken')
# expect: awaiting raises ValueError('broken')
