import asyncio

async def job():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("cancelled while sleeping at", asyncio.get_running_loop().time())
        raise

async def main():
    task = asyncio.create_task(job())
    await asyncio.sleep(2)
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    print(task.cancelled())

asyncio.run(main())

# expect: cancelled while sleeping at 2.0
# expect: True
