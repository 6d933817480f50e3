import asyncio

def report(future):
    print("report", future.result())

async def main():
    future = asyncio.get_running_loop().create_future()
    future.add_done_callback(report)
    future.add_done_callback(report)
    print(future.remove_done_callback(report))
    future.set_result("x")
    await asyncio.sleep(0)
    print("no callback ran")

asyncio.run(main())

# expect: 2
# expect: no callback ran
