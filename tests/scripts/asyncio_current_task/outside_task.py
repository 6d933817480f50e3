import asyncio

loop = asyncio.new_event_loop()
loop.call_soon(lambda: print("in a callback:", asyncio.current_task()))
loop.call_soon(loop.stop)
loop.run_forever()
loop.close()

# expect: in a callback: None
