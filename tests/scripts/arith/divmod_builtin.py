# divmod agrees with // and % for ints and floats.
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5))
print(divmod(7.5, 2))

# expect: (3, 2) (-4, 3) (-4, -3)
# expect: (3.0, 1.5)
