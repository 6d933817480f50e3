# Addition, subtraction, multiplication and true division of ints.
a, b = 17, 5
print(a + b, a - b, a * b)
print(a / b)
print(10 / 2)
print(-a + b)

# expect: 22 12 85
# expect: 3.4
# expect: 5.0
# expect: -12
