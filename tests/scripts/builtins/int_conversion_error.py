# int() of a non-numeric string raises ValueError with the repr of the text.
print(int("12"))
print(int("12abc"))

# expect: 12
# expect error: ValueError: invalid literal for int() with base 10: '12abc'
