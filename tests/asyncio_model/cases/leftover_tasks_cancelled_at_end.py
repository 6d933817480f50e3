import asyncio

async def forever(i):
    try:
        while True:
            await asyncio.sleep(1 + i)
            print("tick", i)
    except asyncio.CancelledError:
        print("cancelled", i)
        await asyncio.sleep(0)
        print("cleanup done", i)
        raise

async def main():
    for i in range(4):
        asyncio.create_task(forever(i))
    await asyncio.sleep(2.5)
    print("main returns")

asyncio.run(main())
