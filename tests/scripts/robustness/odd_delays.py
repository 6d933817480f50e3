# NaN and negative delays do not hang the loop: a NaN deadline compares false with every time,
# so CPython runs its timer at once; negative delays are due at once too.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(float("nan"))
    print("after sleep(nan) at", loop.time())
    await asyncio.sleep(-1e300)
    print("after sleep(-1e300) at", loop.time())
    loop.call_later(float("nan"), print, "nan timer")
    loop.call_later(-5, print, "negative timer")
    loop.call_at(0.5, print, "timer at 0.5")
    await asyncio.sleep(1)
    print("done at", loop.time())

asyncio.run(main())

# expect: after sleep(nan) at 0.0
# expect: after sleep(-1e300) at 0.0
# expect: nan timer
# expect: negative timer
# expect: timer at 0.5
# expect: done at 1.0
