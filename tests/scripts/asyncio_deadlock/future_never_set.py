import asyncio

async def main():
    future = asyncio.get_running_loop().create_future()
    print("waiting")
    await future

asyncio.run(main())

# expect: waiting
# expect error: Deadlock
