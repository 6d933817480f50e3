import asyncio

async def background(i):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("background", i, "cancelled at", asyncio.get_running_loop().time())
        raise

async def main():
    for i in range(3):
        asyncio.create_task(background(i))
    await asyncio.sleep(1)
    raise KeyError("boom")

asyncio.run(main())

# expect: background 0 cancelled at 1.0
# expect: background 1 cancelled at 1.0
# expect: background 2 cancelled at 1.0
# expect error: KeyError: 'boom'
