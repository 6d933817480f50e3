# A getter cancelled while it waits leaves the line; one cancelled after put_nowait() woke it
# passes the wakeup on to the next getter (queues.py's `except:` around `await getter`).
import asyncio

async def getter(q, name):
    try:
        item = await q.get()
        print(name, "got", item)
    except asyncio.CancelledError:
        print(name, "cancelled, qsize", q.qsize(), "getters", len(q._getters))
        raise

async def main():
    q = asyncio.Queue()
    a = asyncio.create_task(getter(q, "a"))
    b = asyncio.create_task(getter(q, "b"))
    c = asyncio.create_task(getter(q, "c"))
    await asyncio.sleep(0)
    print("waiting", len(q._getters))
    a.cancel()
    await asyncio.sleep(0)
    q.put_nowait("x")
    b.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(a.cancelled(), b.cancelled(), c.done(), q.qsize(), len(q._getters))
    for round in range(3):
        d = asyncio.create_task(getter(q, f"d{round}"))
        await asyncio.sleep(0)
        if round == 1:
            d.cancel()
            await asyncio.sleep(0)
        else:
            await q.put(round)
            await d
    print(q.qsize(), len(q._getters), q.empty())

asyncio.run(main())

# expect: waiting 3
# expect: a cancelled, qsize 0 getters 2
# expect: b cancelled, qsize 1 getters 0
# expect: c got x
# expect: True True True 0 0
# expect: d0 got 0
# expect: d1 cancelled, qsize 0 getters 0
# expect: d2 got 2
# expect: 0 0 True
