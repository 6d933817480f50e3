import asyncio

async def main():
    task = asyncio.create_task(asyncio.sleep(0, result="x"))
    await asyncio.sleep(1)
    done, pending = await asyncio.wait([task], timeout=5)
    print(len(done), len(pending), asyncio.get_running_loop().time())

asyncio.run(main())

# expect: 1 0 1.0
