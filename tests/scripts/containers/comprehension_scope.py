# A comprehension variable does not leak into the enclosing scope.
x = "outer"
squares = [x for x in range(3)]
print(x, squares)

# expect: outer [0, 1, 2]
