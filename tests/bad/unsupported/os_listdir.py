# expect error: OSError line 5
# Listing a directory touches the machine: os.listdir says it is not available in the simulator.
import os

for name in os.listdir("."):
    print(name)
