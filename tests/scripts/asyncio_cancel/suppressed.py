import asyncio

async def job():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("ignoring cancellation")
    await asyncio.sleep(1)
    return "survived"

async def main():
    task = asyncio.create_task(job())
    await asyncio.sleep(1)
    task.cancel()
    print(await task, task.cancelled(), asyncio.get_running_loop().time())

asyncio.run(main())

# expect: ignoring cancellation
# expect: survived False 2.0
