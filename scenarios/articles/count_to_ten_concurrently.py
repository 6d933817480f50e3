# title: Coroutines counting to ten together
# summary: The article's closing exercise: three coroutines each count up to 10, sleeping between numbers, so their counts interleave on one thread.
import asyncio

async def count(name, delay):
    for number in range(1, 11):
        print(name, number)
        await asyncio.sleep(delay)

async def main():
    await asyncio.gather(count('fast', 0.5), count('medium', 0.75), count('slow', 1.0))

asyncio.run(main())
