# Mixing int and float promotes to float.
print(1 + 2.0)
print(3 * 1.5)
print(True + 1, True * 2.5)
print(type(1 + 1.0).__name__, type(4 // 2).__name__, type(4 / 2).__name__)

# expect: 3.0
# expect: 4.5
# expect: 2 2.5
# expect: float int float
