import asyncio

async def a(events):
    await events["b"].wait()
    events["a"].set()

async def b(events):
    await events["a"].wait()
    events["b"].set()

async def main():
    events = {"a": asyncio.Event(), "b": asyncio.Event()}
    await asyncio.sleep(1)
    print("both wait")
    await asyncio.gather(a(events), b(events))

asyncio.run(main())

# expect: both wait
# expect error: Deadlock
