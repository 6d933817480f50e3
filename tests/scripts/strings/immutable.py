# Strings cannot be changed in place.
s = "abc"
try:
    s[0] = "z"
except TypeError as error:
    print("TypeError:", error)
print(s)

# expect: TypeError: 'str' object does not support item assignment
# expect: abc
