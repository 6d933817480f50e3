import asyncio

async def waiter(cond, i, box):
    async with cond:
        await cond.wait_for(lambda: box["go"])
        print("waiter", i, "woke")

async def party(barrier, i):
    try:
        idx = await barrier.wait()
        print("party", i, "index", idx)
    except asyncio.BrokenBarrierError:
        print("party", i, "broken")

async def main():
    cond = asyncio.Condition()
    box = {"go": False}
    ws = [asyncio.create_task(waiter(cond, i, box)) for i in range(3)]
    await asyncio.sleep(1)
    async with cond:
        box["go"] = True
        cond.notify_all()
    await asyncio.gather(*ws)

    barrier = asyncio.Barrier(3)
    ps = [asyncio.create_task(party(barrier, i)) for i in range(2)]
    await asyncio.sleep(1)
    await barrier.reset()
    await asyncio.gather(*ps)
    ps = [asyncio.create_task(party(barrier, i)) for i in range(3)]
    await asyncio.gather(*ps)
    print(barrier.n_waiting, barrier.broken)

asyncio.run(main())

# expect: waiter 0 woke
# expect: waiter 1 woke
# expect: waiter 2 woke
# expect: party 0 broken
# expect: party 1 broken
# expect: party 2 index 2
# expect: party 0 index 0
# expect: party 1 index 1
# expect: 0 False
