import asyncio

async def child(n):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("child", n, "cancelled")
        raise

async def main():
    group = asyncio.gather(child(1), child(2))
    await asyncio.sleep(1)
    group.cancel()
    try:
        await group
    except asyncio.CancelledError:
        print("gather cancelled at", asyncio.get_running_loop().time())

asyncio.run(main())

# expect: child 1 cancelled
# expect: child 2 cancelled
# expect: gather cancelled at 1.0
