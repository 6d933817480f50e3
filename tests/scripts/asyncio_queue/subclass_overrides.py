# put(), get() and the _nowait forms call self.full(), self.empty(), self.qsize(),
# self.put_nowait() and self.get_nowait() (queues.py), so a subclass's overrides take part in
# every hand-off, blocked or not.
import asyncio

class Logging(asyncio.Queue):
    def put_nowait(self, item):
        print("put_nowait", item)
        super().put_nowait(item)

    def get_nowait(self):
        item = super().get_nowait()
        print("get_nowait", item)
        return item

class Capped(asyncio.Queue):
    def full(self):
        return self.qsize() >= 2

class Weighed(asyncio.Queue):
    def qsize(self):
        return 2 * super().qsize()

class Gated(asyncio.Queue):
    def __init__(self):
        super().__init__()
        self.open = False

    def empty(self):
        return super().empty() or not self.open

async def main():
    q = Logging(maxsize=1)

    async def produce():
        for i in range(3):
            await q.put(i)

    async def consume():
        for _ in range(3):
            await q.get()

    await asyncio.gather(produce(), consume())
    capped = Capped()
    capped.put_nowait(1)
    capped.put_nowait(2)
    try:
        capped.put_nowait(3)
    except asyncio.QueueFull:
        print("capped full", capped.maxsize)
    blocked = asyncio.create_task(capped.put(3))
    await asyncio.sleep(0)
    print("put waits", blocked.done(), capped.qsize(), len(capped._putters))
    capped.get_nowait()
    await blocked
    print("capped", capped.qsize())
    weighed = Weighed(maxsize=3)
    weighed.put_nowait("a")
    print("weighed", weighed.qsize(), weighed.full())
    weighed.put_nowait("b")
    print("weighed", weighed.qsize(), weighed.full())
    try:
        weighed.put_nowait("c")
    except asyncio.QueueFull:
        print("weighed full")
    gated = Gated()
    gated.put_nowait("x")
    try:
        gated.get_nowait()
    except asyncio.QueueEmpty:
        print("gated empty", gated.qsize())
    getter = asyncio.create_task(gated.get())
    await asyncio.sleep(0)
    print("get waits", getter.done(), len(gated._getters))
    gated.open = True
    gated.put_nowait("y")
    print("got", await getter, gated.qsize())

asyncio.run(main())

# expect: put_nowait 0
# expect: get_nowait 0
# expect: put_nowait 1
# expect: get_nowait 1
# expect: put_nowait 2
# expect: get_nowait 2
# expect: capped full 0
# expect: put waits False 2 1
# expect: capped 2
# expect: weighed 2 False
# expect: weighed 4 True
# expect: weighed full
# expect: gated empty 1
# expect: get waits False 1
# expect: got x 1
