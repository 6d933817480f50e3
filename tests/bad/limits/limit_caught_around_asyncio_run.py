# expect error: LimitExceeded line 7
# Loopscope-only: try/except BaseException around asyncio.run does not stop a limit.
import asyncio

async def main():
    while True:
        await asyncio.sleep(3600)

for attempt in range(3):
    try:
        asyncio.run(main())
    except BaseException as error:
        print("caught", type(error).__name__)
