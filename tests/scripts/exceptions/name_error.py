# Using an undefined name is a NameError.
counter = 1
print(counter)
print(undefined_total)

# expect: 1
# expect error: NameError: name 'undefined_total' is not defined
