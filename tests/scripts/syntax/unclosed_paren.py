# An unclosed parenthesis is reported where it opened.
values = [1, 2]
total = sum(values
print(total)

# expect error: SyntaxError line 3
