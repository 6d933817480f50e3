import asyncio

def broken():
    raise RuntimeError("callback failed")

async def main():
    asyncio.get_running_loop().call_soon(broken)
    await asyncio.sleep(1)
    print("the loop survived", asyncio.get_running_loop().time())

asyncio.run(main())

# expect: the loop survived 1.0
