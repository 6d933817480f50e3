import asyncio

async def job():
    await asyncio.sleep(1)

async def main():
    task = asyncio.create_task(job(), name="worker")
    print("name='worker'" in repr(task), "pending" in repr(task))
    await task
    print("finished" in repr(task))

asyncio.run(main())

# expect: True True
# expect: True
