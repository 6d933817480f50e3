# Chains may mix ==, !=, in, is.
a = [1, 2]
print(1 == 1 != 2)
print(1 in a in [[1, 2], [3]])
print(None is None is not False)
print(1 < 2 == 2 < 3)

# expect: True
# expect: True
# expect: True
# expect: True
