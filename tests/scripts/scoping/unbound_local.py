# Reading a local before assigning it raises UnboundLocalError.
total = 10
def broken():
    print(total)
    total = 5
broken()

# expect error: UnboundLocalError: cannot access local variable 'total' where it is not associated with a value
