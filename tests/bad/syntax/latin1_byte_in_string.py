# expect error: SyntaxError line 3
# A Latin-1 byte in a UTF-8 file: CPython stops at the line that holds it.
name = "café"
print(name)
