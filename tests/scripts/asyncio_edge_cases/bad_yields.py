import asyncio

class Nothing:
    def __await__(self):
        yield
        yield
        return "nothing"

class Weird:
    def __await__(self):
        yield 42

async def selfish():
    await asyncio.current_task()

async def main():
    print(await Nothing())
    t = asyncio.ensure_future(Nothing())
    print(await t)
    try:
        await Weird()
    except RuntimeError as e:
        print("RuntimeError", str(e)[:20])
    try:
        await asyncio.create_task(selfish())
    except RuntimeError as e:
        print("RuntimeError", str(e)[:24])

asyncio.run(main())

# expect: nothing
# expect: nothing
# expect: RuntimeError Task got bad yield: 
# expect: RuntimeError Task cannot await on its
