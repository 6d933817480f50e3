import asyncio

async def forever():
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        print("leftover task cancelled at", asyncio.get_running_loop().time())
        raise

async def main():
    asyncio.create_task(forever())
    await asyncio.sleep(1)
    print("main returns")

asyncio.run(main())
print("after run")

# expect: main returns
# expect: leftover task cancelled at 1.0
# expect: after run
