# expect error: RecursionError line 19
# Loopscope-only: two tasks each awaiting the other. Cancelling one cancels what it waits on,
# which cancels the first again: CPython's Task.cancel recurses without end when Ctrl+C
# cancels the main task, and Loopscope, doing the same, ends with the same RecursionError.
import asyncio

async def first(box):
    return await box["second"]

async def second(box):
    return await box["first"]

async def main():
    box = {}
    box["first"] = asyncio.create_task(first(box))
    box["second"] = asyncio.create_task(second(box))
    await asyncio.gather(box["first"], box["second"])

asyncio.run(main())
