import asyncio

async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.3, print, "0.3")
    loop.call_later(0.1 + 0.2, print, "0.1 + 0.2")
    await asyncio.sleep(0.1)
    loop.call_later(0.2, print, "0.1 then 0.2")
    await asyncio.sleep(1)
    print(repr(loop.time()))

asyncio.run(main())

# expect: 0.3
# expect: 0.1 then 0.2
# expect: 0.1 + 0.2
# expect: 1.1
