# Sets of small ints iterate in hash-table order, which CPython makes deterministic.
print({3, 1, 2})
print({10, 5, 100, 33, 7})
print(set([8, 16, 24, 0]))
print({-1, -2, 1})

# expect: {1, 2, 3}
# expect: {33, 100, 5, 7, 10}
# expect: {8, 16, 24, 0}
# expect: {1, -1, -2}
