# The format() builtin applies one spec to one value.
print(format(3.14159, ".2f"), format(42, "b"), format("x", "^5") + "|", format(1234, ","))
print(format(12), format(0.5, "%"))

# expect: 3.14 101010   x  | 1,234
# expect: 12 50.000000%
