import asyncio

async def forever(i):
    try:
        while True:
            await asyncio.sleep(1 + i)
            print("tick", i)
    except asyncio.CancelledError:
        print("cancelled", i)
        await asyncio.sleep(0)
        print("cleanup done", i)
        raise

async def main():
    for i in range(4):
        asyncio.create_task(forever(i))
    await asyncio.sleep(2.5)
    print("main returns")

asyncio.run(main())

# expect: tick 0
# expect: tick 1
# expect: tick 0
# expect: main returns
# expect: cancelled 0
# expect: cancelled 1
# expect: cancelled 2
# expect: cancelled 3
# expect: cleanup done 0
# expect: cleanup done 1
# expect: cleanup done 2
# expect: cleanup done 3
