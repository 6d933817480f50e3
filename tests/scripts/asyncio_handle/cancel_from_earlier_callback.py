import asyncio

async def main():
    loop = asyncio.get_running_loop()
    later = loop.call_later(1, print, "cancelled before it fires")
    loop.call_later(0.5, later.cancel)
    loop.call_later(1, print, "same deadline, still fires")
    await asyncio.sleep(2)
    print("done at", loop.time())

asyncio.run(main())

# expect: same deadline, still fires
# expect: done at 2.0
