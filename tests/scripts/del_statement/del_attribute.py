# del on an attribute removes it from the instance, revealing the class attribute.
class Setting:
    level = "class default"
s = Setting()
s.level = "instance"
print(s.level)
del s.level
print(s.level)

# expect: instance
# expect: class default
