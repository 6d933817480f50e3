# A task that ignores every cancellation deadlocks again while asyncio.run shuts down: the run
# ends there, as a second Ctrl+C would end CPython's.
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
    try:
        await asyncio.Event().wait()
    finally:
        print("main finally")

asyncio.run(main())

# expect: main finally
# expect: stubborn ignores the cancellation
# expect error: Deadlock
