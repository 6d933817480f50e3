# The conditional expression and and/or returning operands.
x = 5
print("big" if x > 3 else "small", "yes" if not x else "no")
print(0 or "default", "" and "unused", 3 and 4, None or 0)

# expect: big no
# expect: default  4 0
