# title: shield keeps the inner work going
# summary: Cancelling the outer await of a shielded task cancels only the waiting, not the task, which goes on to finish at t=2.
import asyncio

async def important():
    await asyncio.sleep(2)
    print('important work finished at', asyncio.get_running_loop().time())
    return 'saved'

async def wait_shielded(inner):
    return await asyncio.shield(inner)

async def main():
    inner = asyncio.create_task(important())
    waiter = asyncio.create_task(wait_shielded(inner))
    await asyncio.sleep(1)
    waiter.cancel()
    try:
        await waiter
    except asyncio.CancelledError:
        print('the wait was cancelled at', asyncio.get_running_loop().time())
    print(await inner)

asyncio.run(main())
