import asyncio

async def slow(tag):
    try:
        await asyncio.sleep(2)
        return tag
    except asyncio.CancelledError:
        print("slow cancelled", tag)
        await asyncio.sleep(0.5)
        print("slow cleanup done", tag)
        raise

async def main():
    try:
        await asyncio.wait_for(slow("a"), 1)
    except TimeoutError:
        print("timeout a at", asyncio.get_running_loop().time())
    t = asyncio.create_task(asyncio.wait_for(slow("b"), 5))
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("outer cancelled at", asyncio.get_running_loop().time())
    print(await asyncio.wait_for(asyncio.sleep(0.1, "c"), 0))

asyncio.run(main())

# expect: slow cancelled a
# expect: slow cleanup done a
# expect: timeout a at 1.5
# expect: slow cancelled b
# expect: slow cleanup done b
# expect: outer cancelled at 3.0
# expect error: TimeoutError
