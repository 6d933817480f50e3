# A docstring is the first statement and does not change behaviour.
def documented():
    """Returns a constant."""
    return 42
print(documented(), documented.__doc__)

# expect: 42 Returns a constant.
