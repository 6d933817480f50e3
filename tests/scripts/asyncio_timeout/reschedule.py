import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(None) as scope:
            print("when", scope.when())
            scope.reschedule(loop.time() + 1.25)
            await asyncio.sleep(10)
    except TimeoutError:
        print("timed out at", loop.time())

asyncio.run(main())

# expect: when None
# expect: timed out at 1.25
