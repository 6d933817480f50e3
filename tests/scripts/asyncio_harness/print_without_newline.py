import asyncio

async def main():
    print("a", end="")
    await asyncio.sleep(1)
    print("b", end=" ")
    await asyncio.sleep(1)
    print("c")
    print("last line without newline", end="")

asyncio.run(main())

# expect: ab c
# expect: last line without newline
