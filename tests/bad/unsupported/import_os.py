# expect error: OSError line 4
# os exists as a harmless subset; what would touch the machine (the current directory) is not available.
import os
print(os.getcwd())
