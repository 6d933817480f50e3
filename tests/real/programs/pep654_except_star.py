# after: https://peps.python.org/pep-0654/ and https://docs.python.org/3.11/library/asyncio-task.html#task-groups
# shows: a TaskGroup whose tasks fail raises an ExceptionGroup; except* picks the kinds apart
# adaptations: none
import asyncio


async def fails(kind, delay):
    await asyncio.sleep(delay)
    raise kind(f"{kind.__name__} after {delay}s")


async def survives():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("the survivor was cancelled when the group failed")
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(fails(ValueError, 1))
            group.create_task(fails(TypeError, 1))
            group.create_task(survives())
    except* ValueError as group_error:
        print("value errors:", [str(e) for e in group_error.exceptions])
    except* TypeError as group_error:
        print("type errors:", [str(e) for e in group_error.exceptions])


asyncio.run(main())
