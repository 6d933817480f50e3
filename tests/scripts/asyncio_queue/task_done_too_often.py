import asyncio

async def main():
    queue = asyncio.Queue()
    try:
        queue.task_done()
    except ValueError as error:
        print("ValueError:", error)

asyncio.run(main())

# expect: ValueError: task_done() called too many times
