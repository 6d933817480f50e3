import asyncio

async def main():
    inner = asyncio.create_task(asyncio.sleep(5))
    outer = asyncio.shield(inner)
    await asyncio.sleep(1)
    inner.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer sees the cancellation:", outer.cancelled())

asyncio.run(main())

# expect: outer sees the cancellation: True
