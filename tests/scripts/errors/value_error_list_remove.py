# list.remove of a missing element raises ValueError.
items = [1, 2]
items.remove(3)

# expect error: ValueError: list.remove(x): x not in list
