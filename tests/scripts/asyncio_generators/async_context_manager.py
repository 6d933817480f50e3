import asyncio
from contextlib import asynccontextmanager

@asynccontextmanager
async def resource(name):
    print("open", name)
    await asyncio.sleep(1)
    try:
        yield name.upper()
    finally:
        print("close", name, asyncio.get_running_loop().time())

async def main():
    async with resource("db") as handle:
        print("using", handle)

asyncio.run(main())

# expect: open db
# expect: using DB
# expect: close db 1.0
