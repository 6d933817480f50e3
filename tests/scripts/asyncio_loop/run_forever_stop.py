import asyncio

loop = asyncio.new_event_loop()

def tick(n):
    print("tick", n, loop.time())
    if n == 3:
        loop.stop()
    else:
        loop.call_later(0.5, tick, n + 1)

loop.call_soon(tick, 1)
loop.run_forever()
print("stopped at", loop.time())
loop.close()

# expect: tick 1 0.0
# expect: tick 2 0.5
# expect: tick 3 1.0
# expect: stopped at 1.0
