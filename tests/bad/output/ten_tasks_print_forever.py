# expect error: LimitExceeded line 8
# Loopscope-only: ten tasks print and yield forever; the output budget ends the run and names
# the task that was printing.
import asyncio

async def chatter(name):
    while True:
        print(name, "says hello")
        await asyncio.sleep(0)

async def main():
    await asyncio.gather(*(chatter(f"task {i}") for i in range(10)))

asyncio.run(main())
