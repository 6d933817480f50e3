# id is stable for one object and differs between live objects.
a = []
b = []
print(id(a) == id(a), id(a) == id(b), (a is b) == (id(a) == id(b)))

# expect: True False True
