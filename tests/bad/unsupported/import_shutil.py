# expect error: ModuleNotFoundError line 3
# Loopscope has no shutil module; CPython imports it.
import shutil
shutil.rmtree("/tmp/never")
