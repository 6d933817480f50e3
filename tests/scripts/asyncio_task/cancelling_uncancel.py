import asyncio

async def main():
    task = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    print(task.cancelling())
    task.cancel()
    task.cancel()
    print(task.cancelling())
    print(task.uncancel())
    print(task.uncancel())
    try:
        await task
    except asyncio.CancelledError:
        print("still cancelled:", task.cancelled())

asyncio.run(main())

# expect: 0
# expect: 2
# expect: 1
# expect: 0
# expect: still cancelled: True
