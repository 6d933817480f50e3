import asyncio

class Labelled(asyncio.Future):
    def __init__(self, label, *, loop=None):
        super().__init__(loop=loop)
        self.label = label
        self.cancels = 0

    def cancel(self, msg=None):
        self.cancels += 1
        return super().cancel(msg=msg)

async def waiter(fut):
    try:
        return await fut
    except asyncio.CancelledError:
        print("waiter saw the cancel of", fut.label, fut.cancels)
        raise

async def main():
    loop = asyncio.get_running_loop()
    fut = Labelled("first", loop=loop)
    print(isinstance(fut, asyncio.Future), fut.label, fut.done(), fut.get_loop() is loop)
    loop.call_later(1, fut.set_result, "value")
    print(await fut, fut.label)
    plain = loop.create_future()
    plain.note = "any attribute"
    print(plain.note)
    second = Labelled("second")
    task = asyncio.create_task(waiter(second))
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("task cancelled", task.cancelled(), second.cancelled(), second.cancels)

asyncio.run(main())

# expect: True first False True
# expect: value first
# expect: any attribute
# expect: waiter saw the cancel of second 1
# expect: task cancelled True True 1
