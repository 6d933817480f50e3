import asyncio

async def main():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    print(asyncio.ensure_future(future) is future)
    task = asyncio.create_task(asyncio.sleep(0))
    print(asyncio.ensure_future(task) is task)
    await task

asyncio.run(main())

# expect: True
# expect: True
