# sorted with key and reverse is stable.
words = ["banana", "Apple", "cherry", "date", "fig"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len, reverse=True))
print(sorted([(2, "b"), (1, "z"), (2, "a")], key=lambda p: p[0]))
print(sorted({3: "c", 1: "a"}), sorted("cab"))

# expect: ['Apple', 'banana', 'cherry', 'date', 'fig']
# expect: ['Apple', 'banana', 'cherry', 'date', 'fig']
# expect: ['banana', 'cherry', 'Apple', 'date', 'fig']
# expect: [(1, 'z'), (2, 'b'), (2, 'a')]
# expect: [1, 3] ['a', 'b', 'c']
