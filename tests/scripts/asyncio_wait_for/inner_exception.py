import asyncio

async def job():
    await asyncio.sleep(1)
    raise LookupError("not found")

async def main():
    try:
        await asyncio.wait_for(job(), timeout=3)
    except LookupError as error:
        print("LookupError:", error, asyncio.get_running_loop().time())

asyncio.run(main())

# expect: LookupError: not found 1.0
