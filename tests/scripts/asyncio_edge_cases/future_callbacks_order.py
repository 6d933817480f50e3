import asyncio

async def waiter(name, fut):
    print(name, "got", await fut)

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("callback 1", f.result()))
    tasks = [asyncio.create_task(waiter(n, fut)) for n in "abc"]
    await asyncio.sleep(0)
    fut.add_done_callback(lambda f: print("callback 2", f.result()))
    loop.call_later(1, fut.set_result, 99)
    loop.call_later(1, print, "timer at same deadline")
    await asyncio.gather(*tasks)
    fut2 = loop.create_future()
    fut2.set_exception(ValueError("bad"))
    try:
        await fut2
    except ValueError as e:
        print("fut2", e)
    fut3 = loop.create_future()
    fut3.cancel("why")
    try:
        await fut3
    except asyncio.CancelledError as e:
        print("fut3", e.args)

asyncio.run(main())

# expect: timer at same deadline
# expect: callback 1 99
# expect: a got 99
# expect: b got 99
# expect: c got 99
# expect: callback 2 99
# expect: fut2 bad
# expect: fut3 ('why',)
