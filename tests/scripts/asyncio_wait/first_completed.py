import asyncio

async def job(seconds):
    await asyncio.sleep(seconds)
    return seconds

async def main():
    tasks = [asyncio.create_task(job(s)) for s in (2, 1, 3)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print([t.result() for t in done], len(pending), asyncio.get_running_loop().time())
    for task in pending:
        task.cancel()

asyncio.run(main())

# expect: [1] 2 1.0
