# next() with a default avoids StopIteration.
empty = iter([])
print(next(empty, "default"))
g = (c for c in "x")
print(next(g), next(g, None))

# expect: default
# expect: x None
