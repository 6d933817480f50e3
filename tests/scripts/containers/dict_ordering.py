# Dicts keep insertion order; reassigning keeps the slot, deleting frees it.
d = {}
for key in ["zeta", "alpha", "mid"]:
    d[key] = len(key)
d["zeta"] = 0
print(list(d))
del d["zeta"]
d["zeta"] = 1
print(list(d))
print(d | {"alpha": 9, "new": 2})

# expect: ['zeta', 'alpha', 'mid']
# expect: ['alpha', 'mid', 'zeta']
# expect: {'alpha': 9, 'mid': 3, 'zeta': 1, 'new': 2}
