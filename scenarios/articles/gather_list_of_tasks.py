# title: gather over a list of tasks
# summary: gather takes the tasks as separate arguments (*list_of_tasks) and returns their results in argument order once all are done, here after the slowest task's 3 s.
import asyncio

async def work(name, seconds):
    await asyncio.sleep(seconds)
    print(name, 'done at', asyncio.get_running_loop().time())
    return name

async def main():
    # you will have written and initialized these tasks earlier, as above
    task1 = asyncio.create_task(work('task1', 3))
    task2 = asyncio.create_task(work('task2', 1))
    task3 = asyncio.create_task(work('task3', 2))
    list_of_tasks = [task1, task2, task3]
    result = await asyncio.gather(*list_of_tasks)
    print(result)

asyncio.run(main())
