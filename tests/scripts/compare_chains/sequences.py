# Lists, tuples and strings compare lexicographically.
print([1, 2, 3] < [1, 2, 4], (1, 2) < (1, 2, 0), "abc" < "abd" < "b")
print([1, 2] == [1, 2], (1, 2) == [1, 2])
print("Z" < "a", "apple" > "app")

# expect: True True True
# expect: True False
# expect: True True
