# Two consumers take items with wait_for(q.get(), 0.5): a timeout cancels the getter while it
# waits (its future leaves _getters), and the hand-offs after it go on as before.
import asyncio

async def producer(q):
    for i in range(12):
        await asyncio.sleep(0.3 if i % 3 else 1.2)
        await q.put(i)
        print("put", i, q.qsize(), len(q._getters), len(q._putters))

async def consumer(q, name):
    got = []
    while len(got) < 6:
        try:
            item = await asyncio.wait_for(q.get(), 0.5)
            got.append(item)
            print(name, "got", item)
        except asyncio.TimeoutError:
            print(name, "timeout", len(q._getters))
    return got

async def main():
    q = asyncio.Queue(maxsize=1)
    p = asyncio.create_task(producer(q))
    r = await asyncio.gather(consumer(q, "a"), consumer(q, "b"))
    await p
    print(r, q.qsize())

asyncio.run(main())

# expect: a timeout 0
# expect: b timeout 0
# expect: a timeout 0
# expect: b timeout 0
# expect: put 0 1 1 0
# expect: a got 0
# expect: put 1 1 1 0
# expect: b timeout 0
# expect: a got 1
# expect: put 2 1 1 0
# expect: b got 2
# expect: a timeout 1
# expect: b timeout 1
# expect: a timeout 1
# expect: b timeout 1
# expect: put 3 1 1 0
# expect: a timeout 0
# expect: b got 3
# expect: put 4 1 1 0
# expect: a got 4
# expect: b timeout 1
# expect: put 5 1 1 0
# expect: a got 5
# expect: b timeout 1
# expect: a timeout 1
# expect: b timeout 1
# expect: a timeout 1
# expect: put 6 1 1 0
# expect: b got 6
# expect: put 7 1 1 0
# expect: a timeout 0
# expect: b got 7
# expect: put 8 1 1 0
# expect: a got 8
# expect: b timeout 1
# expect: a timeout 1
# expect: b timeout 1
# expect: a timeout 1
# expect: put 9 1 1 0
# expect: b timeout 0
# expect: a got 9
# expect: put 10 1 0 0
# expect: b got 10
# expect: put 11 1 0 0
# expect: b got 11
# expect: [[0, 1, 4, 5, 8, 9], [2, 3, 6, 7, 10, 11]] 0
