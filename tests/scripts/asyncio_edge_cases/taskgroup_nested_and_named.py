import asyncio

async def leaf(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise ValueError(f"{name} failed")
        print("leaf ok", name)
        return name
    except asyncio.CancelledError:
        print("leaf cancelled", name)
        raise

async def inner_group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(leaf("a", 1), name="alpha")
        tg.create_task(leaf("b", 3))
        print("inner names", sorted(t.get_name() for t in asyncio.all_tasks()))

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(inner_group())
            tg.create_task(leaf("c", 2, fail=True), name="charlie")
            t = tg.create_task(leaf("d", 5))
    except* ValueError as eg:
        print("caught", [str(e) for e in eg.exceptions])
    print("d cancelled", t.cancelled())
    print(asyncio.current_task().get_name(), asyncio.current_task().cancelling())

asyncio.run(main())

# expect: inner names ['Task-1', 'Task-2', 'Task-4', 'Task-6', 'alpha', 'charlie']
# expect: leaf ok a
# expect: leaf cancelled d
# expect: leaf cancelled b
# expect: caught ['c failed']
# expect: d cancelled True
# expect: Task-1 1
