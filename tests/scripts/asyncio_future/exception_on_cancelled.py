import asyncio

async def main():
    future = asyncio.get_running_loop().create_future()
    future.cancel("no longer needed")
    try:
        future.exception()
    except asyncio.CancelledError as error:
        print("CancelledError", error.args)

asyncio.run(main())

# expect: CancelledError ('no longer needed',)
