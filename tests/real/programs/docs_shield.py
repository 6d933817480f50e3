# after: https://docs.python.org/3.11/library/asyncio-task.html#shielding-from-cancellation
# shows: cancelling the task that awaits shield(job) does not cancel the job itself
# adaptations: the documentation shows a fragment; here it is a complete program
import asyncio


async def something():
    await asyncio.sleep(2)
    print("something finished anyway")
    return "result"


async def caller(job):
    try:
        return await asyncio.shield(job)
    except asyncio.CancelledError:
        print("the caller was cancelled, the shielded job was not")
        raise


async def main():
    job = asyncio.create_task(something())
    waiting = asyncio.create_task(caller(job))
    await asyncio.sleep(1)
    waiting.cancel()
    try:
        await waiting
    except asyncio.CancelledError:
        print("caller cancelled:", waiting.cancelled(), "job cancelled:", job.cancelled())
    print("job result:", await job)


asyncio.run(main())
