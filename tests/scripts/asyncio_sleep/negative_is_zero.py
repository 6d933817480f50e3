import asyncio

async def other():
    print("other runs")

async def main():
    asyncio.create_task(other())
    await asyncio.sleep(-5)
    print("after negative sleep", asyncio.get_running_loop().time())

asyncio.run(main())

# expect: other runs
# expect: after negative sleep 0.0
