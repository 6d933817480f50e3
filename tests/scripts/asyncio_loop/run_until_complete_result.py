import asyncio

async def compute():
    await asyncio.sleep(2)
    return "computed"

loop = asyncio.new_event_loop()
print(loop.run_until_complete(compute()))
print(loop.time())
print(loop.is_running(), loop.is_closed())
loop.close()
print(loop.is_closed())

# expect: computed
# expect: 2.0
# expect: False False
# expect: True
