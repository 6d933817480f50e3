# Code in a class body runs once, at definition time.
print("before class")
class Config:
    print("defining Config")
    values = [i * 2 for i in range(3)]
    total = sum(values)
print("after class", Config.values, Config.total)

# expect: before class
# expect: defining Config
# expect: after class [0, 2, 4] 6
