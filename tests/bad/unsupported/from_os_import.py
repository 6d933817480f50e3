# expect error: ModuleNotFoundError line 3
# Loopscope has no os module; CPython imports it.
from os import path
print(path.join("a", "b"))
