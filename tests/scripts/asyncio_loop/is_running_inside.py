import asyncio

async def main():
    loop = asyncio.get_running_loop()
    print("running inside:", loop.is_running())
    return loop

loop = asyncio.new_event_loop()
inner = loop.run_until_complete(main())
print(inner is loop, loop.is_running())
loop.close()

# expect: running inside: True
# expect: True False
