import asyncio

async def job():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("job cancelled at", asyncio.get_running_loop().time())
        raise

async def main():
    try:
        await asyncio.wait_for(job(), timeout=1.5)
    except asyncio.TimeoutError:
        print("timeout at", asyncio.get_running_loop().time())

asyncio.run(main())

# expect: job cancelled at 1.5
# expect: timeout at 1.5
