import asyncio

async def job():
    print("never runs")

async def main():
    task = asyncio.create_task(job())
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("cancelled before it started:", task.cancelled())

asyncio.run(main())

# expect: cancelled before it started: True
