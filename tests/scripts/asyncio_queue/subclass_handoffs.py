# Blocking hand-offs through queues whose subclasses bring their own storage (_init, _put,
# _get) or only count the calls: put() and get() call the subclass's methods every time.
import asyncio
import collections

class Logged(asyncio.Queue):
    def _init(self, maxsize):
        self._queue = collections.deque()
        self.calls = []

    def _put(self, item):
        self.calls.append(("put", item))
        self._queue.append(item)

    def _get(self):
        item = self._queue.popleft()
        self.calls.append(("get", item))
        return item

async def producer(q, n):
    for i in range(n):
        await q.put(i)
    await q.put(None)

async def consumer(q):
    got = []
    while (item := await q.get()) is not None:
        got.append(item)
    return got

async def main():
    queues = (Logged(maxsize=1), asyncio.LifoQueue(maxsize=1), asyncio.PriorityQueue(maxsize=2))
    for q in queues:
        _, got = await asyncio.gather(producer(q, 6), consumer(q))
        print(type(q).__name__, got, q.qsize(), q._unfinished_tasks)
    print(queues[0].calls[:4], len(queues[0].calls), Logged(1).calls)
    logged = Logged(maxsize=1)
    await asyncio.gather(producer(logged, 2), consumer(logged))
    print(logged.calls)

asyncio.run(main())

# expect: Logged [0, 1, 2, 3, 4, 5] 0 7
# expect: LifoQueue [0, 1, 2, 3, 4, 5] 0 7
# expect: PriorityQueue [0, 1, 2, 3, 4, 5] 0 7
# expect: [('put', 0), ('get', 0), ('put', 1), ('get', 1)] 14 []
# expect: [('put', 0), ('get', 0), ('put', 1), ('get', 1), ('put', None), ('get', None)]
