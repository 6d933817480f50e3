# Invalid numeric strings raise ValueError with CPython's messages.
for text in ["3.5", "", "1e", "0x10"]:
    try:
        print(int(text))
    except ValueError as error:
        print("ValueError:", error)
for text in ["abc", "1,5"]:
    try:
        print(float(text))
    except ValueError as error:
        print("ValueError:", error)

# expect: ValueError: invalid literal for int() with base 10: '3.5'
# expect: ValueError: invalid literal for int() with base 10: ''
# expect: ValueError: invalid literal for int() with base 10: '1e'
# expect: ValueError: invalid literal for int() with base 10: '0x10'
# expect: ValueError: could not convert string to float: 'abc'
# expect: ValueError: could not convert string to float: '1,5'
