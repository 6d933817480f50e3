# removeprefix, removesuffix, casefold, and str.isidentifier.
print("unittest".removeprefix("unit"), "file.py".removesuffix(".py"), "abc".removeprefix("x"))
print("ABC".casefold(), "Hello".casefold() == "hELLO".casefold())
print("my_var".isidentifier(), "2x".isidentifier())

# expect: test file abc
# expect: abc True
# expect: True False
