import asyncio

async def guarded():
    try:
        await asyncio.sleep(10)
    finally:
        print("guarded cleanup at", asyncio.get_running_loop().time())

async def main():
    coro = asyncio.sleep(0.5, result="late")
    print(type(coro).__name__, asyncio.iscoroutine(coro), asyncio.iscoroutinefunction(asyncio.sleep))
    task = asyncio.create_task(coro)
    print(await task, task.get_coro() is coro)
    print(await asyncio.gather(asyncio.sleep(0.25, result=1), asyncio.sleep(0, result=2)))
    victim = asyncio.create_task(guarded())
    await asyncio.sleep(1)
    victim.cancel()
    try:
        await victim
    except asyncio.CancelledError:
        print("victim cancelled", victim.cancelled())
    print(await asyncio.sleep(delay=0.125, result="keywords"))

asyncio.run(main())

# expect: coroutine True True
# expect: late True
# expect: [1, 2]
# expect: guarded cleanup at 1.75
# expect: victim cancelled True
# expect: keywords
