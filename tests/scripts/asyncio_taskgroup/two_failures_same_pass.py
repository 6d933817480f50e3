import asyncio

async def fail(kind, seconds):
    await asyncio.sleep(seconds)
    raise kind(f"{kind.__name__} after {seconds}")

async def main():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(fail(ValueError, 1))
            group.create_task(fail(TypeError, 1))
    except* ValueError as values:
        print("values", [str(e) for e in values.exceptions])
    except* TypeError as types:
        print("types", [str(e) for e in types.exceptions])

asyncio.run(main())

# expect: values ['ValueError after 1']
# expect: types ['TypeError after 1']
