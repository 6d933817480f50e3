# finally blocks may still await: virtual time goes on while the cancelled tasks clean up.
import asyncio

async def child(event):
    try:
        await event.wait()
    finally:
        await asyncio.sleep(2)
        print("child cleaned up at", asyncio.get_running_loop().time())

async def main():
    task = asyncio.create_task(child(asyncio.Event()))
    try:
        await task
    finally:
        await asyncio.sleep(1)
        print("main cleaned up at", asyncio.get_running_loop().time())

asyncio.run(main())

# expect: child cleaned up at 2.0
# expect: main cleaned up at 3.0
# expect error: Deadlock
