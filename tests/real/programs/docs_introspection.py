# after: https://docs.python.org/3.11/library/asyncio-task.html#introspection
# shows: current_task() and all_tasks() inside a running program, and task names
# adaptations: none (the documentation lists the functions; this program calls them)
import asyncio


async def worker(n):
    task = asyncio.current_task()
    print(f"worker {n} runs in {task.get_name()}")
    await asyncio.sleep(n)


async def main():
    tasks = [asyncio.create_task(worker(n), name=f"worker-{n}") for n in (1, 2)]
    await asyncio.sleep(0)
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    print(asyncio.current_task().get_name(), asyncio.current_task().get_coro().__name__)
    await asyncio.gather(*tasks)
    print(len(asyncio.all_tasks()))


asyncio.run(main())
