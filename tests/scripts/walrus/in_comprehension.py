# := in a comprehension binds in the enclosing scope.
values = [1, 5, 9, 2]
big = [y for x in values if (y := x * 10) > 20]
print(big, y)

# expect: [50, 90] 20
