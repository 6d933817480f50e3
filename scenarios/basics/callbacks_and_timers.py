# title: Callbacks, timers and their order
# summary: call_soon callbacks run in FIFO order on the next pass; call_later timers run when the clock reaches their deadline, and two timers with the same deadline both run on that pass.
import asyncio

def say(what):
    print(round(asyncio.get_running_loop().time(), 3), what)

async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.5, say, 'timer at 0.5')
    loop.call_later(0.2, say, 'timer at 0.2')
    loop.call_soon(say, 'soon 1')
    loop.call_soon(say, 'soon 2')
    loop.call_at(loop.time() + 0.2, say, 'another timer at 0.2')
    await asyncio.sleep(1)

asyncio.run(main())
