# __eq__ and __hash__ make instances usable as dict keys and in sets.
class Key:
    def __init__(self, name):
        self.name = name
    def __eq__(self, other):
        return isinstance(other, Key) and self.name == other.name
    def __hash__(self):
        return hash(self.name)
    def __repr__(self):
        return f"Key({self.name!r})"
d = {Key("a"): 1}
print(d[Key("a")], Key("a") == Key("a"), Key("a") != Key("b"), Key("a") == "a")
print(len({Key("x"), Key("x"), Key("y")}))
class NoHash:
    def __eq__(self, other):
        return True
try:
    hash(NoHash())
except TypeError as error:
    print("TypeError:", error)

# expect: 1 True True False
# expect: 2
# expect: TypeError: unhashable type: 'NoHash'
