# time.time, monotonic and perf_counter all move forward across a sleep.
import time
t0, m0, p0 = time.time(), time.monotonic(), time.perf_counter()
time.sleep(0.5)
print(time.time() - t0 >= 0.5, time.monotonic() - m0 >= 0.5, time.perf_counter() - p0 >= 0.5)
print(type(time.time()).__name__, type(time.monotonic()).__name__)

# expect: True True True
# expect: float float
