import asyncio

async def use(sem, i, hold):
    async with sem:
        print("in", i)
        await asyncio.sleep(hold)
        print("out", i)

async def main():
    sem = asyncio.Semaphore(2)
    ts = [asyncio.create_task(use(sem, i, 1 + i * 0.25)) for i in range(5)]
    await asyncio.sleep(0.1)
    ts[3].cancel()
    res = await asyncio.gather(*ts, return_exceptions=True)
    print([type(r).__name__ for r in res])
    print(sem.locked())

asyncio.run(main())

# expect: in 0
# expect: in 1
# expect: out 0
# expect: in 2
# expect: out 1
# expect: in 4
# expect: out 2
# expect: out 4
# expect: ['NoneType', 'NoneType', 'NoneType', 'CancelledError', 'NoneType']
# expect: False
