# Too few arguments to str.format raise IndexError.
print("{} {}".format("only one"))

# expect error: IndexError: Replacement index 1 out of range for positional args tuple
