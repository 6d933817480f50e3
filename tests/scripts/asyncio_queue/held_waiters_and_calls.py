# What the program holds stays as it was while the queue goes on handing items over: a getter
# future taken from _getters stays done with its result, a finished put() coroutine cannot be
# awaited again, and items are released once taken; a weakref to a getter future or to a
# finished put() coroutine dies as soon as the program lets go of it.
import asyncio
import weakref

class Item:
    def __init__(self, n):
        self.n = n

async def consume(q, out):
    while (item := await q.get()) is not None:
        out.append(item.n)

async def main():
    q = asyncio.Queue(maxsize=1)
    out = []
    consumer = asyncio.create_task(consume(q, out))
    await asyncio.sleep(0)
    held = q._getters[0]
    held.tag = "mine"
    await q.put(Item(-1))
    await asyncio.sleep(0)
    getter_ref = weakref.ref(q._getters[0])
    print(held.done(), len(q._getters))
    call = q.put(Item(0))
    await call
    try:
        await call
    except RuntimeError as e:
        print("again:", e)
    call_ref = weakref.ref(call)
    del call
    await asyncio.sleep(0)
    print("call freed", call_ref() is None, "getter freed", getter_ref() is None)
    last = Item(1)
    ref = weakref.ref(last)
    for n in range(1, 6):
        await q.put(Item(n) if n > 1 else last)
    del last
    await asyncio.sleep(0)
    print(held.done(), held.cancelled(), held.result(), held.tag, type(held).__name__)
    print("item 1 freed", ref() is None)
    await q.put(None)
    await consumer
    print(out[:3], q.qsize(), len(q._getters), len(q._putters))
    fresh = q.get()
    print(type(fresh).__name__, fresh.__qualname__)
    fresh.close()

asyncio.run(main())

# expect: True 1
# expect: again: cannot reuse already awaited coroutine
# expect: call freed True getter freed True
# expect: True False None mine Future
# expect: item 1 freed True
# expect: [-1, 0, 1] 0 0 0
# expect: coroutine Queue.get
