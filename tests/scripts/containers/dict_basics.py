# Dict literals, lookup, update and membership.
d = {"a": 1, "b": 2}
d["c"] = 3
d["a"] = 10
print(d, len(d), "b" in d, 2 in d)
print(d.get("z"), d.get("z", 0), d["b"])
print(dict(x=1, y=2), dict([("k", "v")]), {})

# expect: {'a': 10, 'b': 2, 'c': 3} 3 True False
# expect: None 0 2
# expect: {'x': 1, 'y': 2} {'k': 'v'} {}
