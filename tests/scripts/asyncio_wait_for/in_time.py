import asyncio

async def job():
    await asyncio.sleep(1)
    return "made it"

async def main():
    print(await asyncio.wait_for(job(), timeout=2), asyncio.get_running_loop().time())

asyncio.run(main())

# expect: made it 1.0
