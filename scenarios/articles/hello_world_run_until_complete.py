# title: Scheduling the first coroutine by hand
# summary: Calling our_coroutine() only creates the coroutine; nothing runs until run_until_complete hands it to the event loop, which runs foo and the baz it awaits, and returns foo's result.
import asyncio

async def baz():
    print('baz runs inside foo')
    return 'bar value'

async def foo():
    print('Hello world')
    bar = await baz()
    return bar

our_loop = asyncio.get_event_loop()

our_task = foo()
print('coroutine created, nothing printed by it yet')
result = our_loop.run_until_complete(our_task)
print('run_until_complete returned', repr(result))
our_loop.close()
