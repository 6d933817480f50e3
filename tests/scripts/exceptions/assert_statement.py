# assert raises AssertionError with the optional message.
assert 1 + 1 == 2
try:
    assert 2 < 1, "math is broken"
except AssertionError as error:
    print("AssertionError:", error)
x = []
assert x == [], x
print("done")

# expect: AssertionError: math is broken
# expect: done
