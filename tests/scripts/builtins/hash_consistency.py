# Equal numbers hash equally; hash of small ints is the int; tuples are hashable.
print(hash(1) == hash(1.0) == hash(True), hash(42), hash(-1), hash(0))
print(hash((1, 2)) == hash((1, 2)), hash("abc") == hash("ab" + "c"))
try:
    hash([1])
except TypeError as error:
    print("TypeError:", error)

# expect: True 42 -2 0
# expect: True True
# expect: TypeError: unhashable type: 'list'
