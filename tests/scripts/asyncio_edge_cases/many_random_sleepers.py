import asyncio
import random

async def sleeper(i):
    total = 0.0
    for _ in range(3):
        d = random.choice([0, 0.1, 0.2, 0.3, random.random()])
        total += d
        await asyncio.sleep(d)
    return round(total, 6)

async def main():
    results = await asyncio.gather(*(sleeper(i) for i in range(60)))
    print(results[:5], len(results))
    print(asyncio.get_running_loop().time())

asyncio.run(main())

# expect: [0.8, 0.040484, 0.8, 0.5, 0.4] 60
# expect: 1.9626129058664077
