# title: wait_for gives up after its timeout
# summary: The slow call needs 5 s but wait_for allows 2 s: at t=2 the call is cancelled and TimeoutError reaches the caller.
import asyncio

async def slow_call():
    try:
        await asyncio.sleep(5)
        return 'answer'
    except asyncio.CancelledError:
        print('slow_call cancelled at', asyncio.get_running_loop().time())
        raise

async def main():
    try:
        print(await asyncio.wait_for(slow_call(), timeout=2))
    except asyncio.TimeoutError:
        print('gave up at', asyncio.get_running_loop().time())

asyncio.run(main())
