# title: Waiting for something that never happens
# summary: main awaits an Event that no one will ever set; with nothing ready and no timer left, the loop can never wake up, and the run is reported as a deadlock.
import asyncio

async def main():
    event = asyncio.Event()
    print('waiting for an event nobody sets')
    await event.wait()
    print('never printed')

asyncio.run(main())
