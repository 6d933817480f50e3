# The cancelled main task waits again: a second Ctrl+C. The runner still closes, cancelling
# the main task once more, and the run ends with Deadlock.
import asyncio

async def main():
    try:
        await asyncio.get_running_loop().create_future()
    except asyncio.CancelledError:
        print("main cancelled, waits again")
        await asyncio.get_running_loop().create_future()
    finally:
        print("main finally")

asyncio.run(main())
print("not reached")

# expect: main cancelled, waits again
# expect: main finally
# expect error: Deadlock
