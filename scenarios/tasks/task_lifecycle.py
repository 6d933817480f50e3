# title: The life of a task
# summary: A task is pending when created, runs on the next loop pass, sleeps, and is done with a result; done() and result() show each state.
import asyncio

async def worker():
    print('worker starts')
    await asyncio.sleep(1)
    print('worker ends')
    return 42

async def main():
    task = asyncio.create_task(worker(), name='worker')
    print(task.get_name(), 'done?', task.done())
    await asyncio.sleep(0.5)
    print('at 0.5 done?', task.done())
    result = await task
    print('result', result, 'done?', task.done())

asyncio.run(main())
