# expect error: OSError line 5
# os.path's pure string functions work; looking at the file system is not available in the simulator.
from os import path
print(path.join("a", "b"))
print(path.exists("a/b"))
