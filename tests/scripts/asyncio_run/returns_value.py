import asyncio

async def main():
    return 41 + 1

print(asyncio.run(main()))

# expect: 42
