import asyncio

async def main():
    event = asyncio.Event()
    event.set()
    print(event.is_set(), await event.wait())
    event.clear()
    print(event.is_set())

asyncio.run(main())

# expect: True True
# expect: False
