# Too few values for the format raises TypeError.
print("%s %s" % ("one",))

# expect error: TypeError: not enough arguments for format string
