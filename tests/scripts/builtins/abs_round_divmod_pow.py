# Numeric builtins.
print(abs(-5), abs(3.5), abs(-0.0), abs(True))
print(pow(2, 8), pow(2, -2), pow(3, 4, 5), pow(2.0, 3))
print(divmod(9, 4), round(7.125, 2), round(-2.5))

# expect: 5 3.5 0.0 1
# expect: 256 0.25 1 8.0
# expect: (2, 1) 7.12 -2
