import asyncio

async def main():
    task = asyncio.create_task(asyncio.sleep(0, result="finished"))
    await task
    print(task.cancel(), task.cancelled(), task.result())

asyncio.run(main())

# expect: False False finished
