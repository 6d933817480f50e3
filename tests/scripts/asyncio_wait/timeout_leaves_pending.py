import asyncio

async def job(seconds):
    await asyncio.sleep(seconds)
    print("job", seconds, "done at", asyncio.get_running_loop().time())

async def main():
    tasks = [asyncio.create_task(job(s)) for s in (1, 4)]
    done, pending = await asyncio.wait(tasks, timeout=2.5)
    print(len(done), len(pending), asyncio.get_running_loop().time())
    await asyncio.sleep(2)

asyncio.run(main())

# expect: job 1 done at 1.0
# expect: 1 1 2.5
# expect: job 4 done at 4.0
