# title: wait over a tuple of tasks, and returning early
# summary: wait takes the whole sequence and returns (done, pending); with FIRST_COMPLETED it returns at t=1 when the first task ends, and the still-pending tasks can then be cancelled.
import asyncio

async def work(name, seconds):
    await asyncio.sleep(seconds)
    return name

async def main():
    task1 = asyncio.create_task(work('task1', 3))
    task2 = asyncio.create_task(work('task2', 1))
    task3 = asyncio.create_task(work('task3', 2))

    tuple_of_tasks = (task1, task2, task3)  # could be a list, dict keys, etc
    done, pending = await asyncio.wait(tuple_of_tasks)
    print('all:', sorted(t.result() for t in done), len(pending), 'pending at', asyncio.get_running_loop().time())

    task4 = asyncio.create_task(work('task4', 3))
    task5 = asyncio.create_task(work('task5', 1))
    done, pending = await asyncio.wait((task4, task5), return_when=asyncio.FIRST_COMPLETED)
    print('first:', [t.result() for t in done], 'at', asyncio.get_running_loop().time())
    for task in pending:
        task.cancel()
    await asyncio.sleep(0)
    print('task4 cancelled:', task4.cancelled())

asyncio.run(main())
