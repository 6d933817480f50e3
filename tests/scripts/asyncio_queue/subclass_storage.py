import asyncio
import collections

class Stack(asyncio.Queue):
    def _init(self, maxsize):
        self._queue = collections.deque()

    def _put(self, item):
        self._queue.appendleft(item)

    def _get(self):
        return self._queue.popleft()

class Counting(asyncio.Queue):
    def __init__(self, maxsize=0):
        super().__init__(maxsize)
        self.puts = 0

async def producer(q, items):
    for item in items:
        await q.put(item)
        q.puts = getattr(q, "puts", 0) + 1

async def main():
    stack = Stack()
    for item in "abc":
        stack.put_nowait(item)
    print(stack.qsize(), str(stack), [stack.get_nowait() for _ in range(3)], stack.empty())
    counting = Counting(maxsize=2)
    print(counting.maxsize, counting.full(), str(counting))
    task = asyncio.create_task(producer(counting, range(5)))
    await asyncio.sleep(0)
    print("after one pass", counting.qsize(), counting.full(), counting.puts)
    got = [await counting.get() for _ in range(5)]
    await task
    print(got, counting.puts, counting.qsize())
    try:
        counting.get_nowait()
    except asyncio.QueueEmpty:
        print("empty")
    lifo = asyncio.LifoQueue(maxsize=1)
    await lifo.put(1)
    try:
        lifo.put_nowait(2)
    except asyncio.QueueFull:
        print("full", str(lifo))

asyncio.run(main())

# expect: 3 <Stack maxsize=0 _queue=['c', 'b', 'a'] tasks=3> ['c', 'b', 'a'] True
# expect: 2 False <Counting maxsize=2>
# expect: after one pass 2 True 2
# expect: [0, 1, 2, 3, 4] 5 0
# expect: empty
# expect: full <LifoQueue maxsize=1 _queue=[1] tasks=1>
