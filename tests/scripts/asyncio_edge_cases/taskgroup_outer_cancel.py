import asyncio

async def worker(i):
    try:
        await asyncio.sleep(10)
    finally:
        print("worker", i, "cleanup")

async def grouped():
    async with asyncio.TaskGroup() as tg:
        for i in range(3):
            tg.create_task(worker(i))
    print("not reached")

async def main():
    t = asyncio.create_task(grouped())
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("grouped cancelled", t.cancelled())

asyncio.run(main())

# expect: worker 0 cleanup
# expect: worker 1 cleanup
# expect: worker 2 cleanup
# expect: grouped cancelled True
