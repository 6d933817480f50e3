# expect error: NameError line 3
# eval does not exist in the simulator.
print(eval("__import__('os').getcwd()"))
