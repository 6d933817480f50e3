# expect error: AttributeError line 3
import asyncio
@asyncio.coroutine
def old_style():
    yield from asyncio.sleep(1)
