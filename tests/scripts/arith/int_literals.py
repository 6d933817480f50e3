# Hex, octal, binary literals and underscores in numbers.
print(0xff, 0o17, 0b1011)
print(1_000_000, 0x_FF)
print(1e3, 2.5e-3, 1_0.5)

# expect: 255 15 11
# expect: 1000000 255
# expect: 1000.0 0.0025 10.5
