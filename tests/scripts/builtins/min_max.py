# min and max with several arguments, an iterable, key and default.
print(min(3, 1, 2), max([4, 9, 2]), max("hello"))
print(min(["aaa", "b", "cc"], key=len), max(["aaa", "b", "cc"], key=len))
print(min([], default="empty"), max((), default=None))
print(max([1, 3, 3], key=lambda x: x % 3), min([(1, "b"), (1, "a")]))

# expect: 1 9 o
# expect: b aaa
# expect: empty None
# expect: 1 (1, 'a')
