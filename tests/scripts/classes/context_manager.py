# __enter__ and __exit__ run around the with block, even on error.
class Tracer:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return exc_type is KeyError
with Tracer("a") as value:
    print("inside", value)
with Tracer("b"):
    raise KeyError("swallowed")
try:
    with Tracer("c"), Tracer("d"):
        raise ValueError("escapes")
except ValueError as error:
    print("caught", error)

# expect: enter a
# expect: inside A
# expect: exit a None
# expect: enter b
# expect: exit b KeyError
# expect: enter c
# expect: enter d
# expect: exit d ValueError
# expect: exit c ValueError
# expect: caught escapes
