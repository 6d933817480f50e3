# A misspelt name is a NameError (CPython adds a "Did you mean" hint).
counter = 1
print(counter)
print(countr)

# expect: 1
# expect error: NameError
