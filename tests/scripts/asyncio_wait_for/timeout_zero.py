import asyncio

async def main():
    try:
        await asyncio.wait_for(asyncio.sleep(1), timeout=0)
    except TimeoutError:
        print("TimeoutError at", asyncio.get_running_loop().time())

asyncio.run(main())

# expect: TimeoutError at 0.0
