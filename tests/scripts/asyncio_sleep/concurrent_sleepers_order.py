import asyncio

async def sleeper(seconds):
    await asyncio.sleep(seconds)
    print("slept", seconds)

async def main():
    await asyncio.gather(*(sleeper(s) for s in (3, 1, 2, 0.5)))
    print("total", asyncio.get_running_loop().time())

asyncio.run(main())

# expect: slept 0.5
# expect: slept 1
# expect: slept 2
# expect: slept 3
# expect: total 3.0
