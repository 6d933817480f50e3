# expect error: Deadlock line 6
# Loopscope-only: nor does except BaseException, however often the program retries.
import asyncio

async def main():
    await asyncio.get_running_loop().create_future()

while True:
    try:
        asyncio.run(main())
    except BaseException:
        print("retrying")
