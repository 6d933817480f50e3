# title: gather over tasks created up front
# summary: The same as gathering co-routines, except the tasks exist (and are named Task-2 to Task-5) before gather is called; the result is still [5, 9, 10, 9].
import asyncio

# A co-routine
async def add(x: int, y: int):
    return x + y

# Create a function to schedule tasks on the event loop
# then print results
async def get_results():
    inputs = [(2,3), (4,5), (5,5), (7,2)]

    # Create a task list
    tasks = [asyncio.create_task(add(x,y)) for x,y in inputs]

    results = asyncio.gather(*tasks)

    print(await results) # Prints [5, 9, 10, 9]

asyncio.run(get_results())
