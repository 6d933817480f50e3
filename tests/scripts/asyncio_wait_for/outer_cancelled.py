import asyncio

async def inner():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("inner cancelled at", asyncio.get_running_loop().time())
        raise

async def outer():
    await asyncio.wait_for(inner(), timeout=5)

async def main():
    task = asyncio.create_task(outer())
    await asyncio.sleep(1)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("outer cancelled:", task.cancelled())

asyncio.run(main())

# expect: inner cancelled at 1.0
# expect: outer cancelled: True
