import asyncio

async def job():
    await asyncio.sleep(1)
    return "job"

loop = asyncio.new_event_loop()
task = loop.create_task(job())
print(task.get_name(), task.done())
print(loop.run_until_complete(task), loop.time())
loop.close()

# expect: Task-1 False
# expect: job 1.0
