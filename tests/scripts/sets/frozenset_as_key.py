# frozensets are hashable and can be dict keys and set members.
edges = {frozenset({1, 2}): "a-b", frozenset({2, 3}): "b-c"}
print(edges[frozenset({2, 1})], frozenset({1, 2}) in edges)
print({frozenset({1}), frozenset({1})} == {frozenset({1})})

# expect: a-b True
# expect: True
