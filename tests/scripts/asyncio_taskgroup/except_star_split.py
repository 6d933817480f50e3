import asyncio

async def fail(error):
    await asyncio.sleep(0.5)
    raise error

async def main():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(fail(ValueError("v")))
            group.create_task(fail(KeyError("k")))
            group.create_task(fail(ValueError("w")))
    except* ValueError as values:
        print("ValueErrors:", len(values.exceptions))
    except* KeyError as keys:
        print("KeyErrors:", len(keys.exceptions))

asyncio.run(main())

# expect: ValueErrors: 2
# expect: KeyErrors: 1
