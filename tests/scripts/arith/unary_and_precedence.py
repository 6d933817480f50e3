# Operator precedence: unary minus, power, multiplication, addition, comparisons.
print(-3 ** 2)
print(2 + 3 * 4 - 1)
print((2 + 3) * 4)
print(10 - 4 - 3)
print(2 * 3 % 4)
print(not 1 + 1 == 2)

# expect: -9
# expect: 13
# expect: 20
# expect: 3
# expect: 2
# expect: False
