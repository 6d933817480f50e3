# Nested containers print recursively.
data = {"tasks": [("t1", 0.5), ("t2", None)], "flags": {"debug": False}, "empty": ([], {}, ())}
print(data)
print(data["tasks"][1][0], data["flags"]["debug"])

# expect: {'tasks': [('t1', 0.5), ('t2', None)], 'flags': {'debug': False}, 'empty': ([], {}, ())}
# expect: t2 False
