import asyncio

async def ticker():
    i = 0
    while True:
        print("tick", i, asyncio.get_running_loop().time())
        i += 1
        if i == 3:
            asyncio.get_running_loop().stop()
        await asyncio.sleep(0.5)

loop = asyncio.new_event_loop()
t = loop.create_task(ticker())
loop.run_forever()
print("stopped", loop.time(), loop.is_running())
loop.call_later(1.2, loop.stop)
loop.run_forever()
print("stopped again", loop.time())
t.cancel()
try:
    loop.run_until_complete(t)
except asyncio.CancelledError:
    print("ticker cancelled", t.cancelled())
loop.close()

# expect: tick 0 0.0
# expect: tick 1 0.5
# expect: tick 2 1.0
# expect: stopped 1.0 False
# expect: tick 3 1.5
# expect: tick 4 2.0
# expect: stopped again 2.2
# expect: ticker cancelled True
