import asyncio

async def busy():
    total = 0
    for i in range(100000):
        total += i
    print("busy done", total)

async def other():
    print("other runs")

async def main():
    await asyncio.gather(busy(), other())

asyncio.run(main())

# expect: busy done 4999950000
# expect: other runs
