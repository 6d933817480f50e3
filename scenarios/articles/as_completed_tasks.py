# title: as_completed over tasks (the article's exercise)
# summary: The article suggests trying as_completed with tasks: the tasks exist before as_completed is called, and with different sleeps the results come back in finishing order 9, 10, 5, 9.
import asyncio

# A co-routine
async def add(x: int, y: int, delay: float):
    await asyncio.sleep(delay)
    return x + y

async def get_results():
    inputs = [(2, 3, 0.3), (4, 5, 0.1), (5, 5, 0.2), (7, 2, 0.4)]
    # Create a task list
    tasks = [asyncio.create_task(add(x, y, delay)) for x, y, delay in inputs]

    for next_done in asyncio.as_completed(tasks):
        print(await next_done)

asyncio.run(get_results())
