import asyncio

async def main():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    future.add_done_callback(lambda f: print("callback 1 sees", f.result()))
    future.add_done_callback(lambda f: print("callback 2"))
    print(future.done())
    future.set_result(5)
    print(future.done(), future.result())
    print("callbacks have not run yet")
    await asyncio.sleep(0)
    print("after a pass")

asyncio.run(main())

# expect: False
# expect: True 5
# expect: callbacks have not run yet
# expect: callback 1 sees 5
# expect: callback 2
# expect: after a pass
