# expect error: RunawayTask line 9
# Loopscope-only: code after asyncio.run has its own budget, and an endless loop there ends.
import asyncio

async def main():
    await asyncio.sleep(1)

asyncio.run(main())
while True:
    pass
