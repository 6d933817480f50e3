# after: https://peps.python.org/pep-0530/
# shows: asynchronous comprehensions over an async generator, and await inside comprehensions
# adaptations: the PEP's fragments become one program
import asyncio


async def numbers(n):
    for i in range(n):
        await asyncio.sleep(0.1)
        yield i


async def square(x):
    await asyncio.sleep(0.1)
    return x * x


async def main():
    print([i async for i in numbers(5) if i % 2])
    print({i: i * 2 async for i in numbers(3)})
    print([await square(i) for i in range(4)])


asyncio.run(main())
