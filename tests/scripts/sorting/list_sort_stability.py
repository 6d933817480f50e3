# list.sort is stable and sorts in place, returning None.
records = [("b", 2), ("a", 2), ("c", 1), ("a", 1)]
records.sort(key=lambda r: r[1])
print(records)
print(records.sort(key=lambda r: r[0], reverse=True), records)

# expect: [('c', 1), ('a', 1), ('b', 2), ('a', 2)]
# expect: None [('c', 1), ('b', 2), ('a', 1), ('a', 2)]
