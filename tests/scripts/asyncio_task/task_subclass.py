import asyncio

class Tagged(asyncio.Task):
    def __init__(self, coro, *, tag, loop=None):
        super().__init__(coro, loop=loop)
        self.tag = tag

async def work(n):
    await asyncio.sleep(n)
    return n * 10

async def main():
    loop = asyncio.get_running_loop()
    t = Tagged(work(1), tag="first", loop=loop)
    print(isinstance(t, asyncio.Task), t.tag, t.get_name())
    print(await t, t.done(), t.tag)
    plain = asyncio.Task(work(0.5), name="plain")
    print(plain.get_name(), await plain)

asyncio.run(main())

# expect: True first Task-2
# expect: 10 True first
# expect: plain 5.0
