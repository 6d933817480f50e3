import asyncio

async def job(seconds):
    await asyncio.sleep(seconds)
    return seconds

async def main():
    try:
        for next_done in asyncio.as_completed([job(1), job(5)], timeout=2):
            print(await next_done)
    except asyncio.TimeoutError:
        print("timed out at", asyncio.get_running_loop().time())

asyncio.run(main())

# expect: 1
# expect: timed out at 2.0
