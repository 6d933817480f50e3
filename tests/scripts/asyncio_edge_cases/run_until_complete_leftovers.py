import asyncio

async def tick(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(1)
    return name

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
a = loop.create_task(tick("a", 5))
b = loop.create_task(tick("b", 2))
print(loop.run_until_complete(b))
print(a.done())
loop.call_soon(print, "soon")
loop.call_later(0.5, loop.stop)
loop.run_forever()
print("stopped at", loop.time())
print(loop.run_until_complete(a))
loop.close()
print(loop.is_closed())

# expect: a 0
# expect: b 0
# expect: a 1
# expect: b 1
# expect: a 2
# expect: b
# expect: False
# expect: soon
# expect: stopped at 2.5
# expect: a 3
# expect: a 4
# expect: a
# expect: True
