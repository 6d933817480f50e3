# A deadlock cannot be caught: neither except Exception nor except BaseException around
# asyncio.run stops the run from ending.
import asyncio

async def main():
    await asyncio.Event().wait()

for attempt in range(3):
    try:
        asyncio.run(main())
    except Exception:
        print("caught by except Exception")
    except BaseException:
        print("caught by except BaseException")
print("not reached")

# expect error: Deadlock
