# expect error: ModuleNotFoundError line 3
# Processes do not exist.
from subprocess import Popen
Popen(["echo", "pwned"])
