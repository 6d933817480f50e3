# Without asyncio.run there is no runner to interrupt: the run ends at once, finally blocks
# and all, as CPython's KeyboardInterrupt would leave run_until_complete.
import asyncio

async def main():
    try:
        await asyncio.Event().wait()
    finally:
        print("not printed")

loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main())
except BaseException as error:
    print("caught", type(error).__name__)
print("not reached")

# expect error: Deadlock
