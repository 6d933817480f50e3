import asyncio

async def main():
    value = await asyncio.sleep(1, result="woke up")
    print(value, asyncio.get_running_loop().time())

asyncio.run(main())

# expect: woke up 1.0
