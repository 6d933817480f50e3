# title: Cancelling with a message and catching it
# summary: cancel(msg) passes a message in the CancelledError; a task that swallows the cancellation finishes normally, which is usually a mistake.
import asyncio

async def stubborn():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError as error:
        print('caught cancellation:', error.args)
    return 'finished anyway'

async def main():
    task = asyncio.create_task(stubborn())
    await asyncio.sleep(1)
    task.cancel('time to stop')
    print(await task, 'cancelled?', task.cancelled())

asyncio.run(main())
