# expect error: RunawayTask line 5
# Loopscope-only: CPython would spin forever. The run must end, free its frames, and name the line.
import asyncio
async def f():
    while True:
        pass
asyncio.run(f())
