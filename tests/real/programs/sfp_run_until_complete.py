# after: Jason Brownlee, "Asyncio Event Loop in Python", SuperFastPython
#        (https://superfastpython.com/asyncio-event-loop/)
# shows: the low-level API: a new loop, run_until_complete, loop.time, then close
# adaptations: none
import asyncio


async def custom_coro():
    print("coroutine running at", asyncio.get_running_loop().time())
    await asyncio.sleep(1)
    return "done"


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(loop.is_running(), loop.is_closed())
result = loop.run_until_complete(custom_coro())
print(result, loop.time())
loop.close()
print(loop.is_closed())
