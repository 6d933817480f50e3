# title: 1000 tasks x 1000 sleep(0)
# summary: 1,000 tasks each yield to the loop 1,000 times with sleep(0), a million task switches in zero virtual time.
import asyncio

TASKS = 1000
SWITCHES = 1000

async def switcher():
    for _ in range(SWITCHES):
        await asyncio.sleep(0)
    return SWITCHES

async def main():
    results = await asyncio.gather(*(switcher() for _ in range(TASKS)))
    print(sum(results), "switches at", asyncio.get_running_loop().time())

asyncio.run(main())
