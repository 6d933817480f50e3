# title: Cancelling a sleeping task
# summary: cancel() throws CancelledError into the task at its await; the task can clean up in finally, and awaiting it then raises CancelledError in the caller.
import asyncio

async def sleeper():
    try:
        print('sleeping for 10 s')
        await asyncio.sleep(10)
    finally:
        print('cleaning up at', asyncio.get_running_loop().time())

async def main():
    task = asyncio.create_task(sleeper())
    await asyncio.sleep(1)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print('task cancelled:', task.cancelled())

asyncio.run(main())
