# expect error: NameError line 3
# compile does not exist in the simulator.
code = compile("import os", "<string>", "exec")
