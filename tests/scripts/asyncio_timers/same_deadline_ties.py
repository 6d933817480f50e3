import asyncio

async def main():
    loop = asyncio.get_running_loop()
    for i in range(8):
        loop.call_later(1, print, "timer", i)
    await asyncio.sleep(2)

asyncio.run(main())

# expect: timer 0
# expect: timer 2
# expect: timer 6
# expect: timer 5
# expect: timer 7
# expect: timer 1
# expect: timer 3
# expect: timer 4
