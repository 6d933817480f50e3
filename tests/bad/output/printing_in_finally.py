# expect error: LimitExceeded line 10
# Loopscope-only: a finally clause that prints forever meets the output budget.
import asyncio

async def main():
    try:
        await asyncio.sleep(1)
    finally:
        while True:
            print("cleaning up")

asyncio.run(main())
