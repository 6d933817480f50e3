# Indexing a list out of range raises IndexError.
items = [1, 2, 3]
print(items[-3])
print(items[3])

# expect: 1
# expect error: IndexError: list index out of range
