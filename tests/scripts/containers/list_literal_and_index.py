# Lists: literals, indexing, assignment and length.
items = [3, "two", 1.0, None, [5]]
print(items, len(items))
print(items[0], items[-1], items[-1][0])
items[1] = 2
print(items)
print([], [[]], list())

# expect: [3, 'two', 1.0, None, [5]] 5
# expect: 3 [5] 5
# expect: [3, 2, 1.0, None, [5]]
# expect: [] [[]] []
