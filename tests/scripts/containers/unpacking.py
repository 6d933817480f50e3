# Tuple unpacking, swaps and nested targets.
a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
for i, (name, score) in enumerate([("x", 1), ("y", 2)]):
    print(i, name, score)

# expect: 2 1
# expect: 3 4 5
# expect: 0 x 1
# expect: 1 y 2
