import asyncio

async def sleeper():
    await asyncio.sleep(5)

async def main():
    task = asyncio.create_task(sleeper())
    asyncio.get_running_loop().call_later(1, task.cancel)
    results = await asyncio.gather(task, asyncio.sleep(2, result="slept"), return_exceptions=True)
    print([type(r).__name__ for r in results], asyncio.get_running_loop().time())

asyncio.run(main())

# expect: ['CancelledError', 'str'] 2.0
