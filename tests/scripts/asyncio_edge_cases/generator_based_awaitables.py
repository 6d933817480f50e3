import asyncio

class Countdown:
    def __init__(self, n):
        self.n = n
    def __await__(self):
        while self.n:
            self.n -= 1
            yield from asyncio.sleep(0.25).__await__()
        return "liftoff"

async def other():
    for i in range(3):
        print("other", i)
        await asyncio.sleep(0.3)

async def main():
    t = asyncio.create_task(other())
    print(await Countdown(3))
    f = asyncio.ensure_future(Countdown(2))
    print(type(f).__name__, await f)
    await t

asyncio.run(main())

# expect: other 0
# expect: other 1
# expect: other 2
# expect: liftoff
# expect: Task liftoff
