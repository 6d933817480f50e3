# title: One failure cancels the group
# summary: When one task in a TaskGroup fails at t=1, its siblings are cancelled and the error comes out of the block in an ExceptionGroup, caught here with except*.
import asyncio

async def job(seconds, fail=False):
    try:
        await asyncio.sleep(seconds)
        if fail:
            raise ValueError(f'job {seconds} failed')
        print(seconds, 's job done')
    except asyncio.CancelledError:
        print(seconds, 's job cancelled at', asyncio.get_running_loop().time())
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(job(3))
            group.create_task(job(1, fail=True))
            group.create_task(job(2))
    except* ValueError as errors:
        print('caught', [str(e) for e in errors.exceptions])

asyncio.run(main())
