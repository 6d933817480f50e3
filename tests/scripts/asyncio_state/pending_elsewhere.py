# A task left pending on a loop that no longer runs (not closed) keeps its frames; cancelled and
# failed tasks, a renamed task, a cancelled timer and a cancelled ready handle (both left out).
import asyncio


async def forever(label):
    note = label * 2
    await asyncio.sleep(100)


async def boom():
    await asyncio.sleep(0.5)
    raise ValueError("boom")


async def main():
    loop = asyncio.get_running_loop()
    timer = loop.call_later(5, print, "never")
    soon = loop.call_soon(print, "never either")
    soon.cancel()
    sleeper = asyncio.create_task(asyncio.sleep(10))
    failing = asyncio.create_task(boom())
    await asyncio.sleep(0)
    sleeper.set_name("renamed")
    sleeper.cancel()
    timer.cancel()
    try:
        await failing
    except ValueError as problem:
        caught = repr(problem)
    await asyncio.sleep(0)
    print(caught, sleeper.cancelled(), failing.done())


first = asyncio.new_event_loop()
left = first.create_task(forever("x"))
first.run_until_complete(asyncio.sleep(1))
asyncio.run(main())
print(left.done())

# expect: ValueError('boom') True True
# expect: False
