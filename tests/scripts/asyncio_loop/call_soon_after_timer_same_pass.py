import asyncio

async def main():
    loop = asyncio.get_running_loop()
    def timer():
        print("timer fires at", loop.time())
        loop.call_soon(print, "soon from timer")
    loop.call_later(1, timer)
    loop.call_later(1, print, "second timer, same deadline")
    await asyncio.sleep(2)

asyncio.run(main())

# expect: timer fires at 1.0
# expect: second timer, same deadline
# expect: soon from timer
