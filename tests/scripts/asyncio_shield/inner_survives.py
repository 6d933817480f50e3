import asyncio

async def work():
    await asyncio.sleep(2)
    print("work finished at", asyncio.get_running_loop().time())
    return "result"

async def main():
    inner = asyncio.create_task(work())
    try:
        await asyncio.wait_for(asyncio.shield(inner), timeout=1)
    except asyncio.TimeoutError:
        print("stopped waiting at", asyncio.get_running_loop().time(), "inner cancelled:", inner.cancelled())
    print(await inner)

asyncio.run(main())

# expect: stopped waiting at 1.0 inner cancelled: False
# expect: work finished at 2.0
# expect: result
