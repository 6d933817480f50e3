# after: https://peps.python.org/pep-0525/ (the ticker asynchronous generator)
# shows: an async generator that yields a number every `delay` seconds, consumed with async for
# adaptations: none
import asyncio


async def ticker(delay, to):
    """Yield numbers from 0 to *to* every *delay* seconds."""
    for i in range(to):
        yield i
        await asyncio.sleep(delay)


async def main():
    async for i in ticker(0.5, 5):
        print(i, asyncio.get_running_loop().time())


asyncio.run(main())
