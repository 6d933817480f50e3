import asyncio

async def inner():
    await asyncio.sleep(5)
    return "inner done"

async def outer(inner_task):
    try:
        return await inner_task
    except asyncio.CancelledError:
        print("outer cancelled")
        raise

async def main():
    inner_task = asyncio.create_task(inner())
    outer_task = asyncio.create_task(outer(inner_task))
    await asyncio.sleep(1)
    outer_task.cancel()
    await asyncio.gather(outer_task, return_exceptions=True)
    print("inner cancelled too:", inner_task.cancelled())

asyncio.run(main())

# expect: outer cancelled
# expect: inner cancelled too: True
