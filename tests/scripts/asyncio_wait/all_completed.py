import asyncio

async def job(seconds):
    await asyncio.sleep(seconds)
    return seconds

async def main():
    tasks = [asyncio.create_task(job(s)) for s in (2, 1, 3)]
    done, pending = await asyncio.wait(tasks)
    print(sorted(t.result() for t in done), len(pending), asyncio.get_running_loop().time())

asyncio.run(main())

# expect: [1, 2, 3] 0 3.0
