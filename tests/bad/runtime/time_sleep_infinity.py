# expect error: OverflowError line 3
import time
time.sleep(float("inf"))
