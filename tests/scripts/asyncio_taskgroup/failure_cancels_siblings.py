import asyncio

async def job(seconds, fail=False):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print("job", seconds, "cancelled")
        raise
    if fail:
        raise RuntimeError(f"job {seconds} failed")

async def main():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(job(3))
            group.create_task(job(1, fail=True))
            group.create_task(job(2))
    except* RuntimeError as group_error:
        print("caught", [str(e) for e in group_error.exceptions], asyncio.get_running_loop().time())

asyncio.run(main())

# expect: job 3 cancelled
# expect: job 2 cancelled
# expect: caught ['job 1 failed'] 1.0
