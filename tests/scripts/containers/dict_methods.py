# keys, values, items, pop, popitem, setdefault, update.
d = {"one": 1, "two": 2, "three": 3}
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("two"), d.pop("missing", "default"), d)
print(d.setdefault("four", 4), d.setdefault("one", 100), d)
d.update({"five": 5}, six=6)
print(d)
print(d.popitem(), d)
print(dict.fromkeys(["a", "b"], 0))

# expect: ['one', 'two', 'three'] [1, 2, 3] [('one', 1), ('two', 2), ('three', 3)]
# expect: 2 default {'one': 1, 'three': 3}
# expect: 4 1 {'one': 1, 'three': 3, 'four': 4}
# expect: {'one': 1, 'three': 3, 'four': 4, 'five': 5, 'six': 6}
# expect: ('six', 6) {'one': 1, 'three': 3, 'four': 4, 'five': 5}
# expect: {'a': 0, 'b': 0}
