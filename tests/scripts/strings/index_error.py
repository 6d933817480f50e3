# Indexing past the end of a string raises IndexError.
s = "abc"
print(s[2])
print(s[3])

# expect: c
# expect error: IndexError: string index out of range
