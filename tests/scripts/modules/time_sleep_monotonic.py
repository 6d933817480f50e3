# time.sleep advances time.monotonic by at least the slept amount.
import time
start = time.monotonic()
time.sleep(1)
elapsed = time.monotonic() - start
print(elapsed >= 1, int(elapsed))

# expect: True 1
