# float() from ints, strings, and special names.
print(float(3), float("2.5"), float(" 1e3 "), float("-inf"), float("nan"))
print(float(), float("1_000.5"))
try:
    float("one")
except ValueError as error:
    print("ValueError:", error)

# expect: 3.0 2.5 1000.0 -inf nan
# expect: 0.0 1000.5
# expect: ValueError: could not convert string to float: 'one'
