# Lambdas are expressions that return functions.
add = lambda a, b=1: a + b
print(add(2), add(2, 3), (lambda: "no args")())
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
print((lambda *a, **k: (a, k))(1, x=2))

# expect: 3 5 no args
# expect: ['ccc', 'bb', 'a']
# expect: ((1,), {'x': 2})
