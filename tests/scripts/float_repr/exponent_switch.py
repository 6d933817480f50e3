# repr switches to exponent notation at 1e16 and below 1e-4.
print(1e15, 1e16, 123456789012345678.0)
print(0.0001, 0.00001, 1.5e-7)
print(1e22, 1e-300)

# expect: 1000000000000000.0 1e+16 1.2345678901234568e+17
# expect: 0.0001 1e-05 1.5e-07
# expect: 1e+22 1e-300
