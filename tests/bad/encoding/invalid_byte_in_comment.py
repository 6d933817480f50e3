# expect error: SyntaxError line 3
# Invalid UTF-8 hides in a comment: CPython still refuses the file.
# na√(ve comment
print("never runs")
