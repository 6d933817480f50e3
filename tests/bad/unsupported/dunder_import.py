# expect error: NameError line 3
# __import__ does not exist in the simulator.
__import__("os").system("echo pwned")
