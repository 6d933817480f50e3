# Set algebra on small ints, printed in CPython's order.
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, a ^ b)
print(a <= {1, 2, 3, 4, 5}, {1, 2} < a, a.isdisjoint({9}))
print(sorted(a.union([10, 0])))

# expect: {1, 2, 3, 4, 5, 6} {3, 4} {1, 2} {1, 2, 5, 6}
# expect: True True True
# expect: [0, 1, 2, 3, 4, 10]
