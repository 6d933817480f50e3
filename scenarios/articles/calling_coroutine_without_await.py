# title: Calling a coroutine like a function
# summary: foo() without await does not run foo's body: it only creates a coroutine object, and Python warns that the coroutine was never awaited.
import asyncio

async def foo():
    print('Hello world')

foo()
print('foo() was called, but Hello world was never printed')
