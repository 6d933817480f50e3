# title: An event wakes every waiter
# summary: Three tasks wait on one Event; when it is set at t=2 they all wake on the same pass, in the order they started waiting.
import asyncio

async def waiter(event, name):
    print(name, 'waits')
    await event.wait()
    print(name, 'woke at', asyncio.get_running_loop().time())

async def main():
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(event, n)) for n in ('a', 'b', 'c')]
    await asyncio.sleep(2)
    event.set()
    await asyncio.gather(*tasks)

asyncio.run(main())
