import asyncio

async def main():
    await asyncio.sleep(1)
    raise ValueError("bad value")

asyncio.run(main())

# expect error: ValueError: bad value
