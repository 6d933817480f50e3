import asyncio

async def spawner(group, depth):
    print("depth", depth, "at", asyncio.get_running_loop().time())
    await asyncio.sleep(1)
    if depth < 3:
        group.create_task(spawner(group, depth + 1))

async def main():
    async with asyncio.TaskGroup() as group:
        group.create_task(spawner(group, 1))
    print("group done at", asyncio.get_running_loop().time())

asyncio.run(main())

# expect: depth 1 at 0.0
# expect: depth 2 at 1.0
# expect: depth 3 at 2.0
# expect: group done at 3.0
