import asyncio

async def main():
    loop = asyncio.get_running_loop()
    def say(text):
        print(round(loop.time(), 3), text)
    loop.call_later(0.3, say, "0.3")
    loop.call_later(0.1, say, "0.1")
    loop.call_later(0.2, say, "0.2")
    loop.call_soon(say, "soon")
    await asyncio.sleep(0.5)

asyncio.run(main())

# expect: 0.0 soon
# expect: 0.1 0.1
# expect: 0.2 0.2
# expect: 0.3 0.3
