# The = specifier prints the expression text and its repr.
x = 10
name = "loop"
print(f"{x=}", f"{name=}", f"{x + 1=}")
print(f"{x = }", f"{x=:>4}")

# expect: x=10 name='loop' x + 1=11
# expect: x = 10 x=  10
