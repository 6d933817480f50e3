import asyncio

async def fail():
    raise ValueError("inside the group")

async def main():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(fail())
    except ExceptionGroup as group_error:
        print(type(group_error).__name__, group_error)
        print([repr(e) for e in group_error.exceptions])

asyncio.run(main())

# expect: ExceptionGroup unhandled errors in a TaskGroup (1 sub-exception)
# expect: ["ValueError('inside the group')"]
