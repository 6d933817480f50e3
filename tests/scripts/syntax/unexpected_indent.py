# An indented line with no block to belong to is an IndentationError.
x = 1
    y = 2
print(x)

# expect error: IndentationError line 3
