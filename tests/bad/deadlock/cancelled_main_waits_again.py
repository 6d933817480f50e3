# expect error: Deadlock line 9
# Loopscope-only: the cancelled main task catches the cancellation and waits again; the second
# deadlock is a second Ctrl+C and the run ends.
import asyncio

async def main():
    while True:
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            print("ignoring the cancellation")

asyncio.run(main())
