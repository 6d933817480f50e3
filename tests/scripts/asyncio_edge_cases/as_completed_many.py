import asyncio

async def job(i):
    await asyncio.sleep((i * 7) % 5)
    return i

async def main():
    order = []
    for f in asyncio.as_completed([job(i) for i in range(12)]):
        order.append(await f)
    print(order)
    try:
        for f in asyncio.as_completed([job(9), job(3)], timeout=3.5):
            print(await f)
    except TimeoutError:
        print("timed out at", asyncio.get_running_loop().time())

asyncio.run(main())

# expect: [0, 5, 10, 3, 8, 1, 6, 11, 9, 4, 2, 7]
# expect: 3
# expect: 9
