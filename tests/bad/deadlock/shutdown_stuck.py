# expect error: Deadlock line 16
# Loopscope-only: a task that ignores cancellation and waits again deadlocks asyncio.run's
# shutdown too; the run ends there, naming where the program first got stuck.
import asyncio

async def stubborn():
    while True:
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            print("stubborn ignores the cancellation")

async def main():
    asyncio.create_task(stubborn())
    await asyncio.sleep(1)
    await asyncio.Event().wait()

asyncio.run(main())
