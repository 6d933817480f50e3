import asyncio

async def job():
    try:
        await asyncio.sleep(10)
    finally:
        print("cleanup starts")
        await asyncio.sleep(1)
        print("cleanup ends at", asyncio.get_running_loop().time())

async def main():
    task = asyncio.create_task(job())
    await asyncio.sleep(1)
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    print(task.cancelled())

asyncio.run(main())

# expect: cleanup starts
# expect: cleanup ends at 2.0
# expect: True
