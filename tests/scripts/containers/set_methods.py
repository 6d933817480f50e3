# add, discard, remove, pop and membership.
s = {10, 20}
s.add(30); s.add(10); s.discard(99); s.remove(20)
print(sorted(s), len(s), 30 in s)
s.update([1, 2]); print(sorted(s))
print(set(), set("aaa"), frozenset([3, 1, 2]) == {1, 2, 3})

# expect: [10, 30] 2 True
# expect: [1, 2, 10, 30]
# expect: set() {'a'} True
