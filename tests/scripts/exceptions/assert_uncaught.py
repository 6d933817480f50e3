# A failed assert without a message ends the program with AssertionError.
value = 3
assert value % 2 == 0

# expect error: AssertionError
