import asyncio

async def main():
    future = asyncio.get_running_loop().create_future()
    future.add_done_callback(lambda f: print("callback: cancelled =", f.cancelled()))
    print(future.cancel(), future.cancelled(), future.done())
    print(future.cancel())
    try:
        future.result()
    except asyncio.CancelledError:
        print("result() raises CancelledError")
    await asyncio.sleep(0)

asyncio.run(main())

# expect: True True True
# expect: False
# expect: result() raises CancelledError
# expect: callback: cancelled = True
