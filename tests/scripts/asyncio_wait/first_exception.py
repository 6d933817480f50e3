import asyncio

async def job(seconds, fail=False):
    await asyncio.sleep(seconds)
    if fail:
        raise ValueError(seconds)
    return seconds

async def main():
    tasks = [asyncio.create_task(job(1)), asyncio.create_task(job(2, fail=True)), asyncio.create_task(job(3))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), len(pending), asyncio.get_running_loop().time())
    print(repr(tasks[1].exception()))
    await asyncio.wait(pending)

asyncio.run(main())

# expect: 2 1 2.0
# expect: ValueError(2)
