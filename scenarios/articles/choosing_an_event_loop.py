# title: The event loop is a replaceable piece
# summary: The article swaps in uvloop with new_event_loop(); uvloop is not available here, so this uses asyncio.new_event_loop() the same way: create a loop, set it as the current one, run a coroutine on it, close it.
import asyncio

async def hello():
    print('running on a loop of my choosing')
    return 1

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(loop.run_until_complete(hello()))
print('closed:', loop.is_closed())
loop.close()
print('closed:', loop.is_closed())
