import asyncio

async def main():
    future = asyncio.get_running_loop().create_future()
    future.set_result("ready")
    future.add_done_callback(lambda f: print("late callback", f.result()))
    print("added")
    await asyncio.sleep(0)

asyncio.run(main())

# expect: added
# expect: late callback ready
