import asyncio

async def waiter(future, name):
    print(name, "got", await future)

async def main():
    future = asyncio.get_running_loop().create_future()
    tasks = [asyncio.create_task(waiter(future, n)) for n in ("a", "b", "c")]
    await asyncio.sleep(1)
    future.set_result("shared")
    await asyncio.gather(*tasks)

asyncio.run(main())

# expect: a got shared
# expect: b got shared
# expect: c got shared
