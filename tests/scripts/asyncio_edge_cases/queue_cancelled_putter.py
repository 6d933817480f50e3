import asyncio

async def producer(q, name, n):
    for i in range(n):
        await q.put(f"{name}{i}")
        print("put", name, i, q.qsize())

async def main():
    q = asyncio.Queue(maxsize=2)
    p1 = asyncio.create_task(producer(q, "a", 4))
    p2 = asyncio.create_task(producer(q, "b", 4))
    await asyncio.sleep(0)
    p1.cancel()
    await asyncio.sleep(0)
    while not q.empty() or not p2.done():
        item = await q.get()
        print("got", item)
        q.task_done()
        await asyncio.sleep(0.5)
    print(p1.cancelled(), p2.done(), q.qsize())

asyncio.run(main())

# expect: put a 0 1
# expect: put a 1 2
# expect: got a0
# expect: put b 0 2
# expect: got a1
# expect: put b 1 2
# expect: got b0
# expect: put b 2 2
# expect: got b1
# expect: put b 3 2
# expect: got b2
# expect: got b3
# expect: True True 0
