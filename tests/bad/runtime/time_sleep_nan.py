# expect error: ValueError line 3
import time
time.sleep(float("nan"))
