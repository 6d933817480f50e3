# expect error: SyntaxError line 4
# A byte that cannot start a UTF-8 character, in a string literal.
print("before")
text = "café"
