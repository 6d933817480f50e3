# list.index of a missing element raises ValueError.
print(["a", "b"].index("c"))

# expect error: ValueError: 'c' is not in list
