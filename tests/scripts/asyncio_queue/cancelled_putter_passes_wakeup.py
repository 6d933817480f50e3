# A putter cancelled while it waits leaves the line; one cancelled after get_nowait() woke it
# passes the wakeup on to the next putter, whose item goes in instead.
import asyncio

async def putter(q, item):
    try:
        await q.put(item)
        print("put", item, "qsize", q.qsize())
    except asyncio.CancelledError:
        print("putter", item, "cancelled, full", q.full(), "putters", len(q._putters))
        raise

async def main():
    q = asyncio.Queue(maxsize=1)
    q.put_nowait("first")
    p1 = asyncio.create_task(putter(q, "p1"))
    p2 = asyncio.create_task(putter(q, "p2"))
    p3 = asyncio.create_task(putter(q, "p3"))
    await asyncio.sleep(0)
    print("waiting", len(q._putters))
    p1.cancel()
    await asyncio.sleep(0)
    print("got", q.get_nowait())
    p2.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(p1.cancelled(), p2.cancelled(), p3.done(), q.qsize(), len(q._putters))
    print("got", await q.get())
    for item in range(4):
        await q.put(item)
        print("got", q.get_nowait())
    print(q.qsize(), len(q._putters), q._unfinished_tasks)

asyncio.run(main())

# expect: waiting 3
# expect: putter p1 cancelled, full True putters 2
# expect: got first
# expect: putter p2 cancelled, full False putters 0
# expect: put p3 qsize 1
# expect: True True True 1 0
# expect: got p3
# expect: got 0
# expect: got 1
# expect: got 2
# expect: got 3
# expect: 0 0 6
