import asyncio  # imported only so the script runner uses the virtual-time harness
import time

start = time.monotonic()
time.sleep(1.5)
print(time.monotonic() - start, asyncio.iscoroutinefunction(time.sleep))

# expect: 1.5 False
