# asyncio.sleep() made and never awaited warns as any coroutine does, next to sleeps awaited at
# once (which the engine runs without a sleep object) and one made first and awaited later.
import asyncio


async def worker():
    asyncio.sleep(0.001)
    await asyncio.sleep(0.001)
    asyncio.sleep(0)
    await asyncio.sleep(0)
    later = asyncio.sleep(0.001)
    await asyncio.sleep(0.001)
    await later
    print("worker done")


asyncio.run(worker())
print("end")
