# expect error: NameError line 3
# exec does not exist in the simulator.
exec("import os")
