# min of an empty sequence without a default raises ValueError.
print(min([]))

# expect error: ValueError: min() arg is an empty sequence
