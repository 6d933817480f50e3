import asyncio
import random

async def roll(name):
    await asyncio.sleep(random.random())
    print(name, random.randint(1, 6))

async def main():
    await asyncio.gather(roll("a"), roll("b"), roll("c"))

asyncio.run(main())

# expect: c 3
# expect: b 5
# expect: a 4
