import asyncio

async def sleeper(n):
    await asyncio.sleep(1)
    print("sleeper", n)

async def main():
    await asyncio.gather(*(sleeper(n) for n in range(10)))

asyncio.run(main())

# expect: sleeper 0
# expect: sleeper 2
# expect: sleeper 6
# expect: sleeper 9
# expect: sleeper 8
# expect: sleeper 5
# expect: sleeper 7
# expect: sleeper 4
# expect: sleeper 1
# expect: sleeper 3
