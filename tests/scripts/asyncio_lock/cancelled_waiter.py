import asyncio

async def user(lock, name):
    async with lock:
        print(name, "has the lock")

async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    first = asyncio.create_task(user(lock, "first"))
    second = asyncio.create_task(user(lock, "second"))
    await asyncio.sleep(0)
    first.cancel()
    lock.release()
    await asyncio.gather(first, second, return_exceptions=True)
    print(first.cancelled(), lock.locked())

asyncio.run(main())

# expect: second has the lock
# expect: True False
