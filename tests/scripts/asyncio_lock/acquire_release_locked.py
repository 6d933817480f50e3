import asyncio

async def main():
    lock = asyncio.Lock()
    print(lock.locked())
    print(await lock.acquire())
    print(lock.locked())
    lock.release()
    print(lock.locked())
    try:
        lock.release()
    except RuntimeError as error:
        print("RuntimeError:", error)

asyncio.run(main())

# expect: False
# expect: True
# expect: True
# expect: False
# expect: RuntimeError: Lock is not acquired.
