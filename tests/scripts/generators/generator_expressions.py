# Generator expressions are lazy and single-use.
squares = (x * x for x in range(5))
print(type(squares).__name__)
print(sum(squares), sum(squares))
print(max(len(w) for w in ["a", "abc", "ab"]))
print(list(x for x in range(10) if x % 3 == 0))

# expect: generator
# expect: 30 0
# expect: 3
# expect: [0, 3, 6, 9]
