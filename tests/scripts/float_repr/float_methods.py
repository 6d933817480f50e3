# Float helper methods.
print((3.0).is_integer(), (3.5).is_integer())
print((0.5).as_integer_ratio())
print((-2.0).is_integer(), (0.1).as_integer_ratio()[1] == 2 ** 55)

# expect: True False
# expect: (1, 2)
# expect: True True
