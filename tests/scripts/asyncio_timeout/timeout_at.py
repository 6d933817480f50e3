import asyncio

async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(1)
    try:
        async with asyncio.timeout_at(loop.time() + 0.5) as scope:
            print("deadline", scope.when())
            await asyncio.sleep(3)
    except TimeoutError:
        print("timed out at", loop.time(), "expired:", scope.expired())

asyncio.run(main())

# expect: deadline 1.5
# expect: timed out at 1.5 expired: True
