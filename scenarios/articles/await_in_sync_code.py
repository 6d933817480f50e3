# title: await outside a coroutine
# summary: await is only allowed inside async def; using it in a plain function is a SyntaxError, reported before anything runs.
import asyncio

async def baz():
    return 42

def foo():
    bar = await baz()
    return bar

print(foo())
