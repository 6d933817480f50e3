# Calling without a required argument is a TypeError.
def needs(a, b):
    return a
needs(1)

# expect error: TypeError: needs() missing 1 required positional argument: 'b'
