import asyncio

async def fail():
    raise RuntimeError("nobody looks")

async def main():
    asyncio.create_task(fail())
    await asyncio.sleep(1)
    print("main ends normally")

asyncio.run(main())

# expect: main ends normally
