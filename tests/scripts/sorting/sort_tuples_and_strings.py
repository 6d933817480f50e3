# Tuples sort element by element; strings by code point.
print(sorted([(1, "b"), (0, "z"), (1, "a")]))
print(sorted(["b", "B", "a", "A", "_", "1"]))
print(sorted([3.5, -1, 2, 0.0, True]))

# expect: [(0, 'z'), (1, 'a'), (1, 'b')]
# expect: ['1', 'A', 'B', '_', 'a', 'b']
# expect: [-1, 0.0, True, 2, 3.5]
