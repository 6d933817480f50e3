import asyncio

async def job(n):
    await asyncio.sleep(n / 10)
    return n

async def main():
    inner = asyncio.gather(job(1), job(2))
    outer = await asyncio.gather(inner, job(3), asyncio.gather(job(4)))
    print(outer)

asyncio.run(main())

# expect: [[1, 2], 3, [4]]
