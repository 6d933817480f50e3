# bool is a subclass of int.
print(True + True, True * 10, False - 1, sum([True, False, True]))
print(int(True), float(False), str(True), [1, 2][True])

# expect: 2 10 -1 2
# expect: 1 0.0 True 2
