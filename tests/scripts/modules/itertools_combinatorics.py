# product, permutations and combinations.
from itertools import product, permutations, combinations
print(list(product("ab", [1, 2])))
print(list(permutations([1, 2, 3], 2)))
print(list(combinations("abcd", 2)))
print(len(list(product(range(3), repeat=3))))

# expect: [('a', 1), ('a', 2), ('b', 1), ('b', 2)]
# expect: [(1, 2), (1, 3), (2, 1), (2, 3), (3, 1), (3, 2)]
# expect: [('a', 'b'), ('a', 'c'), ('a', 'd'), ('b', 'c'), ('b', 'd'), ('c', 'd')]
# expect: 27
