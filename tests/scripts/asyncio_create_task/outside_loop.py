import asyncio

async def job():
    pass

coro = job()
try:
    asyncio.create_task(coro)
except RuntimeError as error:
    print("RuntimeError:", error)
coro.close()

# expect: RuntimeError: no running event loop
