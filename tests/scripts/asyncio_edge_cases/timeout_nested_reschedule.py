import asyncio

async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(5) as outer:
        try:
            async with asyncio.timeout(1) as inner:
                inner.reschedule(loop.time() + 2)
                await asyncio.sleep(3)
        except TimeoutError:
            print("inner expired", inner.expired(), outer.expired(), loop.time())
        outer.reschedule(None)
        await asyncio.sleep(10)
        print("outer disabled", loop.time())
    try:
        async with asyncio.timeout(-1):
            await asyncio.sleep(1)
    except TimeoutError as e:
        print("immediate", type(e.__cause__).__name__, loop.time())
    try:
        async with asyncio.timeout_at(loop.time() + 0.5):
            await asyncio.gather(asyncio.sleep(1), asyncio.sleep(2))
    except TimeoutError:
        print("gather timed out", loop.time())

asyncio.run(main())

# expect: inner expired True False 2.0
# expect: outer disabled 12.0
# expect: immediate CancelledError 12.0
# expect: gather timed out 12.5
