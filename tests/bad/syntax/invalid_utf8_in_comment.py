# expect error: SyntaxError line 4
# A stray byte that is not UTF-8, even in a comment, is an error for CPython.
print("before")
# ÿþ
print("after")
