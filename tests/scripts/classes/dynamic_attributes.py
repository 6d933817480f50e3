# setattr, getattr, hasattr and del on attributes.
class Bag:
    pass
b = Bag()
setattr(b, "x", 1)
b.y = 2
print(getattr(b, "x"), b.y, hasattr(b, "x"))
del b.x
print(hasattr(b, "x"), getattr(b, "x", "gone"))

# expect: 1 2 True
# expect: False gone
