import asyncio

async def job():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("child cancelled at", asyncio.get_running_loop().time())
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(job())
            await asyncio.sleep(1)
            raise KeyError("body failed")
    except* KeyError as errors:
        print("caught", [repr(e) for e in errors.exceptions])

asyncio.run(main())

# expect: child cancelled at 1.0
# expect: caught ["KeyError('body failed')"]
