import asyncio

async def main():
    try:
        asyncio.ensure_future("text")
    except TypeError as error:
        print("TypeError:", error)

asyncio.run(main())

# expect: TypeError: An asyncio.Future, a coroutine or an awaitable is required
