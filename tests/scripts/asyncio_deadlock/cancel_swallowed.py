# The main task swallows the cancellation and returns: the run still ends with Deadlock.
import asyncio

async def main():
    try:
        await asyncio.Event().wait()
    except asyncio.CancelledError:
        print("swallowed the cancellation")
    return 42

print(asyncio.run(main()))
print("not reached")

# expect: swallowed the cancellation
# expect error: Deadlock
