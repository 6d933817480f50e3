# An exception raised in a handler propagates outward.
def inner():
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
try:
    inner()
except TypeError as error:
    print("outer got", error, "context", error.__context__)

# expect: outer got second context first
