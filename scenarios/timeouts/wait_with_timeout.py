# title: wait with a timeout does not cancel
# summary: asyncio.wait returns at its timeout with the unfinished tasks still pending and still running; they finish later on their own.
import asyncio

async def job(seconds):
    await asyncio.sleep(seconds)
    print(seconds, 's job finished at', asyncio.get_running_loop().time())

async def main():
    tasks = [asyncio.create_task(job(s)) for s in (1, 3)]
    done, pending = await asyncio.wait(tasks, timeout=2)
    print(len(done), 'done and', len(pending), 'pending at', asyncio.get_running_loop().time())
    await asyncio.wait(pending)

asyncio.run(main())
