import asyncio

async def main():
    loop = asyncio.get_running_loop()
    def fire(name):
        print(name)
        loop.call_soon(print, "soon after", name)
    for name in "pqrst":
        loop.call_later(0.5, fire, name)
    await asyncio.sleep(1)

asyncio.run(main())

# expect: p
# expect: r
# expect: q
# expect: s
# expect: t
# expect: soon after p
# expect: soon after r
# expect: soon after q
# expect: soon after s
# expect: soon after t
