# title: Two ways to make a task
# summary: loop.create_task suits code that manages its own loop, asyncio.create_task suits code run by asyncio.run; both wrap a co-routine in a task that starts on the next loop pass.
import asyncio

async def cor(label):
    print("running", label)
    return label

# 1
loop = asyncio.get_event_loop()
task = loop.create_task(cor("loop.create_task")) # cor = co-routine
loop.run_until_complete(task)
print(task.get_name(), task.result())
loop.close()

# 2
async def main():
    task = asyncio.create_task(cor("asyncio.create_task"))
    print("task created, not started yet")
    await task
    print(task.get_name(), task.result())

asyncio.run(main())
