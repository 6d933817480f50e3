# := assigns inside a while condition.
items = [3, 1, 4, 1, 5]
while (n := len(items)) > 2:
    items.pop()
print(n, items)

# expect: 2 [3, 1]
