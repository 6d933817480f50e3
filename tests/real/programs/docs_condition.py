# after: https://docs.python.org/3.11/library/asyncio-sync.html#condition
# shows: consumers wait on a Condition until the producer notifies them with data ready
# adaptations: the documentation's fragment becomes a producer and two consumers
import asyncio


async def consumer(name, condition, items):
    async with condition:
        await condition.wait_for(lambda: items)
        print(name, "took", items.pop(0))


async def main():
    condition = asyncio.Condition()
    items = []
    consumers = [asyncio.create_task(consumer(n, condition, items)) for n in ("first", "second")]
    for item in ("apple", "pear"):
        await asyncio.sleep(1)
        async with condition:
            items.append(item)
            condition.notify()
    await asyncio.gather(*consumers)


asyncio.run(main())
