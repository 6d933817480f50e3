import asyncio

async def ok():
    await asyncio.sleep(1)
    return "fine"

async def bad():
    raise ZeroDivisionError("oops")

async def main():
    results = await asyncio.gather(ok(), bad(), ok(), return_exceptions=True)
    print([repr(r) for r in results])

asyncio.run(main())

# expect: ["'fine'", "ZeroDivisionError('oops')", "'fine'"]
