import asyncio

async def main(label):
    await asyncio.sleep(1)
    print(label, asyncio.get_running_loop().time(), asyncio.current_task().get_name())

asyncio.run(main("first"))
asyncio.run(main("second"))

# expect: first 1.0 Task-1
# expect: second 2.0 Task-4
