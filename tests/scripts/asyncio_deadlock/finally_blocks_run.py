# On a deadlock Loopscope does what CPython does when the user presses Ctrl+C on the hung
# asyncio.run: the main task is cancelled and its finally blocks run, then every other task.
import asyncio

async def worker(fut):
    try:
        await fut
    finally:
        print("worker finally")

async def main():
    fut = asyncio.get_running_loop().create_future()
    asyncio.create_task(worker(fut))
    try:
        await fut
    finally:
        print("main finally")

asyncio.run(main())
print("not reached")

# expect: main finally
# expect: worker finally
# expect error: Deadlock
