import asyncio

async def main():
    tasks = [asyncio.create_task(asyncio.sleep(s)) for s in (1, 2)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), len(pending), asyncio.get_running_loop().time())

asyncio.run(main())

# expect: 2 0 2.0
