import asyncio

async def main():
    semaphore = asyncio.BoundedSemaphore(2)
    async with semaphore:
        print("inside")
    try:
        semaphore.release()
    except ValueError as error:
        print("ValueError:", error)

asyncio.run(main())

# expect: inside
# expect: ValueError: BoundedSemaphore released too many times
