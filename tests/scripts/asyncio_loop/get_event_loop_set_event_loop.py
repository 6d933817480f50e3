import asyncio

async def where():
    return asyncio.get_running_loop()

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(asyncio.get_event_loop() is loop)
print(loop.run_until_complete(where()) is loop)
loop.close()

# expect: True
# expect: True
