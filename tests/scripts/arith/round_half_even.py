# round uses banker's rounding and handles ndigits.
print(round(0.5), round(1.5), round(2.5), round(-0.5))
print(round(3.14159, 2), round(2.675, 2))
print(round(1234, -2), round(7))
print(type(round(2.5)).__name__, type(round(2.5, 1)).__name__)

# expect: 0 2 2 0
# expect: 3.14 2.67
# expect: 1200 7
# expect: int float
