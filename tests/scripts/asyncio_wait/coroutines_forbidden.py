import asyncio

async def job():
    return 1

async def main():
    coro = job()
    try:
        await asyncio.wait([coro])
    except TypeError as error:
        print("TypeError:", error)
    coro.close()

asyncio.run(main())

# expect: TypeError: Passing coroutines is forbidden, use tasks explicitly.
