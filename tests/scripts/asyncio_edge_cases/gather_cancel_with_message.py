import asyncio

async def sleeper(d):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError as e:
        print("child cancelled", d, e.args)
        raise
    return d

async def main():
    g = asyncio.gather(sleeper(1), sleeper(2), sleeper(3))
    await asyncio.sleep(1.5)
    print(g.cancel("stop now"))
    try:
        await g
    except asyncio.CancelledError as e:
        print("gather cancelled", e.args, g.cancelled())
    g2 = asyncio.gather(sleeper(1), asyncio.sleep(0.5), return_exceptions=True)
    t = asyncio.create_task(sleeper(0.2))
    t.cancel("bye")
    print(await asyncio.gather(g2, t, return_exceptions=True))

asyncio.run(main())

# expect: True
# expect: child cancelled 2 ('stop now',)
# expect: child cancelled 3 ('stop now',)
# expect: gather cancelled ('stop now',) False
# expect: [[1, None], CancelledError('')]
