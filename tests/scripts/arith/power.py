# ** on ints and floats, right associativity, negative exponents.
print(2 ** 10)
print(2 ** 3 ** 2)
print(2 ** -1)
print((-2) ** 3, -2 ** 2)
print(9 ** 0.5)
print(10 ** 18)

# expect: 1024
# expect: 512
# expect: 0.5
# expect: -8 -4
# expect: 3.0
# expect: 1000000000000000000
