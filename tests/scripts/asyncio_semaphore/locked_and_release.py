import asyncio

async def main():
    semaphore = asyncio.Semaphore(1)
    print(semaphore.locked())
    await semaphore.acquire()
    print(semaphore.locked())
    semaphore.release()
    semaphore.release()
    print(semaphore.locked(), semaphore._value)

asyncio.run(main())

# expect: False
# expect: True
# expect: False 2
