import asyncio

async def main():
    try:
        await asyncio.wait([])
    except ValueError as error:
        print("ValueError:", error)

asyncio.run(main())

# expect: ValueError: Set of Tasks/Futures is empty.
