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
