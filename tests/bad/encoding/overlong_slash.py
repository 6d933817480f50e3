# expect error: SyntaxError line 3
# An overlong encoding of "/" is not UTF-8.
path = "À¯"
