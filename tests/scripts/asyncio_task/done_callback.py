import asyncio

async def job():
    await asyncio.sleep(1)
    return "value"

async def main():
    task = asyncio.create_task(job())
    task.add_done_callback(lambda t: print("done callback", t.result(), asyncio.get_running_loop().time()))
    await task
    print("main after await")

asyncio.run(main())

# expect: done callback value 1.0
# expect: main after await
