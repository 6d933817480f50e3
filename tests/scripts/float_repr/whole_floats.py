# Whole-number floats keep a trailing .0.
print(1.0, 2.0 * 3, 10 / 5, -0.0)
print(float(7), 100.0)

# expect: 1.0 6.0 2.0 -0.0
# expect: 7.0 100.0
