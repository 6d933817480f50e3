# Reading a missing attribute raises AttributeError naming the class.
class Thing:
    pass
t = Thing()
t.size = 3
print(t.size, hasattr(t, "size"), hasattr(t, "color"), getattr(t, "color", "none"))
print(t.color)

# expect: 3 True False none
# expect error: AttributeError: 'Thing' object has no attribute 'color'
