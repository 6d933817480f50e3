# Closures see the variable, not its value when created.
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])

# expect: [2, 2, 2]
# expect: [0, 1, 2]
