import asyncio

async def user(lock, name):
    async with lock:
        print(name)
        await asyncio.sleep(0.1)

async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    tasks = [asyncio.create_task(user(lock, n)) for n in "xyz"]
    await asyncio.sleep(1)
    lock.release()
    await asyncio.gather(*tasks)
    print(round(asyncio.get_running_loop().time(), 3))

asyncio.run(main())

# expect: x
# expect: y
# expect: z
# expect: 1.3
