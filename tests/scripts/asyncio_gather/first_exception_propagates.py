import asyncio

async def ok(seconds):
    await asyncio.sleep(seconds)
    print("ok", seconds, "still finishes")
    return seconds

async def bad():
    await asyncio.sleep(1)
    raise KeyError("missing")

async def main():
    try:
        await asyncio.gather(ok(2), bad(), ok(3))
    except KeyError as error:
        print("caught", repr(error), "at", asyncio.get_running_loop().time())
    await asyncio.sleep(5)

asyncio.run(main())

# expect: caught KeyError('missing') at 1.0
# expect: ok 2 still finishes
# expect: ok 3 still finishes
