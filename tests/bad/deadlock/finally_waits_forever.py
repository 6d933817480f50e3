# expect error: Deadlock line 8
# Loopscope-only: the main task's finally clause awaits something that never comes; the
# message names where the program first got stuck.
import asyncio

async def main():
    try:
        await asyncio.Event().wait()
    finally:
        await asyncio.get_running_loop().create_future()

asyncio.run(main())
