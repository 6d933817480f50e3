# `await asyncio.sleep(...)` written straight in a coroutine, which the engine runs without making
# a sleep object, next to the sleeps that still make one: a result, a nested coroutine's sleep,
# cancellation while sleeping (by another task, by the task itself, in sleep(0)), a sleep made
# first and awaited later, sleeps handed to gather and wait_for, and what cr_await shows.
import asyncio


async def nap(label, delay):
    await asyncio.sleep(delay)
    print(label, "woke at", asyncio.get_running_loop().time())
    return label


async def nested(label):
    return await nap(label, 0.125)


async def switcher(name, n):
    for i in range(n):
        await asyncio.sleep(0)
        print(name, i)
    return n


async def sleeper(delay):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError as e:
        print("cancelled while sleeping", delay, e.args)
        raise
    return "slept"


async def cancels_itself():
    asyncio.current_task().cancel("self")
    try:
        await asyncio.sleep(3)
    except asyncio.CancelledError as e:
        print("self-cancelled", e.args)
    await asyncio.sleep(0.5)
    return "went on"


async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.sleep(0.5, "a result"), await asyncio.sleep(0, "zero result"))
    print(await nested("nested"), loop.time())

    t = asyncio.create_task(sleeper(10))
    z = asyncio.create_task(switcher("z", 5))
    await asyncio.sleep(0)
    coro = t.get_coro()
    print("awaiting:", type(coro.cr_await).__name__, coro.cr_await.__qualname__)
    z.cancel()
    await asyncio.sleep(1)
    t.cancel("stop")
    for task in (t, z):
        try:
            await task
        except asyncio.CancelledError:
            print(task is t, "cancelled:", task.cancelled(), loop.time())

    print(await asyncio.create_task(cancels_itself()), loop.time())

    later = asyncio.sleep(0.25)
    await asyncio.sleep(0)
    print(await later, loop.time())

    print(await asyncio.gather(nap("a", 0.5), nap("b", 0.25), switcher("s", 3), asyncio.sleep(0.125, "g")))
    try:
        await asyncio.wait_for(asyncio.sleep(5), 0.5)
    except asyncio.TimeoutError:
        print("timed out at", loop.time())
    print(await asyncio.ensure_future(asyncio.sleep(0.25, "ensured")), loop.time())
    ties = [asyncio.create_task(nap(f"tie{i}", 0.5)) for i in range(4)]
    await asyncio.wait(ties)


asyncio.run(main())

# expect: a result zero result
# expect: nested woke at 0.625
# expect: nested 0.625
# expect: awaiting: coroutine sleep
# expect: cancelled while sleeping 10 ('stop',)
# expect: True cancelled: True 1.625
# expect: False cancelled: True 1.625
# expect: self-cancelled ('self',)
# expect: went on 2.125
# expect: None 2.375
# expect: s 0
# expect: s 1
# expect: s 2
# expect: b woke at 2.625
# expect: a woke at 2.875
# expect: ['a', 'b', 3, 'g']
# expect: timed out at 3.375
# expect: ensured 3.625
# expect: tie0 woke at 4.125
# expect: tie2 woke at 4.125
# expect: tie1 woke at 4.125
# expect: tie3 woke at 4.125
