import asyncio

async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    print("acquired once")
    await lock.acquire()

asyncio.run(main())

# expect: acquired once
# expect error: Deadlock
