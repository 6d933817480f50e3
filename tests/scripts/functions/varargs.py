# *args collects extra positional arguments; * at the call spreads them.
def total(*numbers):
    return sum(numbers), type(numbers).__name__
print(total(), total(1, 2, 3))
values = [4, 5]
print(total(*values, 6))

# expect: (0, 'tuple') (6, 'tuple')
# expect: (15, 'tuple')
