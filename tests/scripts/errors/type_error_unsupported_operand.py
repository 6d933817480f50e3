# Multiplying a list by a float is a TypeError.
print([1] * 2)
print([1] * 2.0)

# expect: [1, 1]
# expect error: TypeError: can't multiply sequence by non-int of type 'float'
