import asyncio

async def critical(lock, name):
    async with lock:
        print(name, "in at", asyncio.get_running_loop().time())
        await asyncio.sleep(1)
        print(name, "out")

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(critical(lock, "a"), critical(lock, "b"))

asyncio.run(main())

# expect: a in at 0.0
# expect: a out
# expect: b in at 1.0
# expect: b out
