# Floats inside containers use the same repr.
print([0.1, 1.0, 2.5e-5])
print((1.5,), {"x": 0.30000000000000004})
print(str(0.1), repr(0.1))

# expect: [0.1, 1.0, 2.5e-05]
# expect: (1.5,) {'x': 0.30000000000000004}
# expect: 0.1 0.1
