# title: The legacy @asyncio.coroutine decorator
# summary: With the colon fixed, the file still fails: @asyncio.coroutine was removed in Python 3.11, so applying it raises AttributeError; async def is the way to define a coroutine.
import asyncio

async def myFunc1():
    print("Coroutine 1")

@asyncio.coroutine
def myFunc2():
    print("Coroutine 2")
