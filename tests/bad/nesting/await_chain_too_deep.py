# expect error: RecursionError line 6
import asyncio

async def level(n):
    if n:
        return await level(n - 1)
    return 0

asyncio.run(level(5000))
