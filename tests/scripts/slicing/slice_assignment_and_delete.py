# Assigning and deleting extended slices.
xs = list(range(6))
xs[::2] = ["a", "b", "c"]
print(xs)
del xs[1::2]
print(xs)
xs[1:1] = [7, 8]
print(xs)

# expect: ['a', 1, 'b', 3, 'c', 5]
# expect: ['a', 'b', 'c']
# expect: ['a', 7, 8, 'b', 'c']
