# Stacks of several scenario frames (a method awaiting a method), locals bound step by step,
# cells a closure captures (a parameter among them), an async generator driven by `async for`,
# and containers: `loopscope state` must show them as CPython's frames do at every step.
import asyncio


class Worker:
    def __init__(self, name):
        self.name = name
        self.done = []

    async def run(self, items, lock):
        for index, item in enumerate(items):
            async with lock:
                result = await self.process(item)
            self.done.append(result)
        return len(self.done)

    async def process(self, item):
        squares = [n * n for n in range(item)]
        await asyncio.sleep(item / 10)
        return sum(squares)


async def counter(start, step):
    zeta, alpha = "z", "a"

    def bump():
        nonlocal start
        start += step
        return start + len(zeta + alpha)

    total = bump()
    await asyncio.sleep(0.25)
    total += bump()
    await asyncio.sleep(0.25)
    return total


async def numbers(limit):
    for n in range(limit):
        await asyncio.sleep(0.1)
        yield n


async def main():
    lock = asyncio.Lock()
    workers = [Worker(f"w{i}") for i in range(2)]
    tasks = [asyncio.create_task(w.run([1, 2, 3], lock)) for w in workers]
    counted = asyncio.create_task(counter(10, 5), name="counter")
    seen = []
    async for n in numbers(3):
        seen.append(n)
    loop = asyncio.get_running_loop()
    loop.call_soon(lambda: None)
    data = {"a": (1, 2.5), "b": None, "c": {3, 4}, "d": frozenset()}
    results = await asyncio.gather(*tasks, counted)
    print(results, seen, sorted(data))


asyncio.run(main())

# expect: [3, 3, 39] [0, 1, 2] ['a', 'b', 'c', 'd']
