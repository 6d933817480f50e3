# expect error: ModuleNotFoundError line 3
# Threads do not exist.
import threading
threading.Thread(target=print).start()
