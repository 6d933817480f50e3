# Implicitly joined f-strings and plain strings.
a, b = 1, 2
msg = (f"a={a}, "
       "then "
       f"b={b}")
print(msg)
print(f"""{a}
{b}""")

# expect: a=1, then b=2
# expect: 1
# expect: 2
