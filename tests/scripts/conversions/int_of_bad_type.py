# int() of a list raises TypeError.
print(int([1]))

# expect error: TypeError: int() argument must be a string, a bytes-like object or a real number, not 'list'
