# expect error: ModuleNotFoundError line 3
# Loopscope has no threading module; CPython imports it.
import threading
print(threading.active_count())
