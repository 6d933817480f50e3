import asyncio

async def important():
    await asyncio.sleep(2)
    print("important done")
    return 42

async def caller(t):
    try:
        return await asyncio.shield(t)
    except asyncio.CancelledError:
        print("caller cancelled, inner done?", t.done())
        raise

async def main():
    t = asyncio.create_task(important())
    c = asyncio.create_task(caller(t))
    await asyncio.sleep(1)
    c.cancel()
    await asyncio.sleep(0)
    print(c.cancelled())
    print(await t)

asyncio.run(main())

# expect: caller cancelled, inner done? False
# expect: True
# expect: important done
# expect: 42
