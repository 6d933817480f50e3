import asyncio

async def main():
    try:
        asyncio.create_task(42)
    except TypeError as error:
        print("TypeError:", error)

asyncio.run(main())

# expect: TypeError: a coroutine was expected, got 42
