import asyncio

async def main():
    loop = asyncio.get_running_loop()
    for i in range(4):
        loop.call_soon(print, "callback", i)
    print("scheduled")
    await asyncio.sleep(0)
    print("after one pass")

asyncio.run(main())

# expect: scheduled
# expect: callback 0
# expect: callback 1
# expect: callback 2
# expect: callback 3
# expect: after one pass
