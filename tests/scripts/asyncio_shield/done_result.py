import asyncio

async def main():
    print(await asyncio.shield(asyncio.sleep(1, result="shielded")))

asyncio.run(main())

# expect: shielded
