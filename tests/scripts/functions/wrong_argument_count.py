# Calling with too many arguments is a TypeError naming the function.
def two(a, b):
    return a + b
print(two(1, 2))
two(1, 2, 3)

# expect: 3
# expect error: TypeError: two() takes 2 positional arguments but 3 were given
