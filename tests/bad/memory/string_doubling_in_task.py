# expect error: MemoryError line 8
# Loopscope-only: the memory budget holds inside a task too, and names it.
import asyncio

async def grow():
    text = "spam"
    while True:
        text += text
        await asyncio.sleep(0)

asyncio.run(grow())
