# Unsupported operand types raise TypeError.
print(1 + 1)
print("a" + 1)

# expect: 2
# expect error: TypeError: can only concatenate str (not "int") to str
