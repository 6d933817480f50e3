# The result of % takes the sign of the divisor.
for a, b in [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5)]:
    print(a % b)

# expect: 1
# expect: 2
# expect: -2
# expect: -1
# expect: 0
