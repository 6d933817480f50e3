# Sorting values that cannot be compared raises TypeError.
print(sorted([3, "a", 1]))

# expect error: TypeError: '<' not supported between instances of 'str' and 'int'
