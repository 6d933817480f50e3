# Parameters before / cannot be passed by keyword.
def power(base, exp=2, /):
    return base ** exp
print(power(3), power(2, 5))
try:
    power(base=2)
except TypeError as error:
    print("TypeError:", error)

# expect: 9 32
# expect: TypeError: power() got some positional-only arguments passed as keyword arguments: 'base'
