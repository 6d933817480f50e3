import asyncio

async def job():
    asyncio.current_task().cancel()
    print("still running until the next await")
    await asyncio.sleep(1)
    print("not reached")

async def main():
    task = asyncio.create_task(job())
    await asyncio.gather(task, return_exceptions=True)
    print(task.cancelled(), asyncio.get_running_loop().time())

asyncio.run(main())

# expect: still running until the next await
# expect: True 0.0
