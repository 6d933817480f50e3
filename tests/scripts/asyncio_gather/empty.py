import asyncio

async def main():
    print(await asyncio.gather())

asyncio.run(main())

# expect: []
