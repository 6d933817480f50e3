# int() from floats, strings and other bases.
print(int(3.9), int(-3.9), int("42"), int(" -17 "), int("ff", 16), int("0b101", 0), int("z", 36))
print(int(), int(True), int("1_000"))

# expect: 3 -3 42 -17 255 5 35
# expect: 0 1 1000
