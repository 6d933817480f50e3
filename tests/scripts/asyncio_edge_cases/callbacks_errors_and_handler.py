import asyncio

def boom(x):
    raise ValueError(x)

async def main():
    loop = asyncio.get_running_loop()
    seen = []
    loop.call_soon(boom, "first")
    await asyncio.sleep(0)
    loop.set_exception_handler(lambda l, ctx: seen.append(str(ctx["exception"])))
    loop.call_soon(boom, "second")
    loop.call_later(-1, boom, "third")
    h = loop.call_later(0.1, boom, "never")
    h.cancel()
    await asyncio.sleep(0.2)
    print(seen, h.cancelled())

asyncio.run(main())

# expect: ['second', 'third'] True
