import asyncio

async def main():
    print(await asyncio.wait_for(asyncio.sleep(3, result="no limit"), timeout=None), asyncio.get_running_loop().time())

asyncio.run(main())

# expect: no limit 3.0
