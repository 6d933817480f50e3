# expect error: MemoryError line 7
# Loopscope-only: each level of an await chain holds a megabyte; the budget ends it before
# the recursion limit does.
import asyncio

async def descend(level):
    ballast = "x" * 2**20
    return await descend(level + 1) + len(ballast)

asyncio.run(descend(0))
