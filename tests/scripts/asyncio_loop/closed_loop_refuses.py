import asyncio

async def nothing():
    pass

loop = asyncio.new_event_loop()
loop.close()
coro = nothing()
try:
    loop.run_until_complete(coro)
except RuntimeError as error:
    print("RuntimeError:", error)
coro.close()

# expect: RuntimeError: Event loop is closed
