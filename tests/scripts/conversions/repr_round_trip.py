# repr of a float or int converts back to the same value.
values = [0.1, 1 / 3, 1e-10, 123456.789, -0.0, 2 ** 53 + 1, -17]
print(all(type(v)(repr(v)) == v for v in values))
print([repr(v) for v in values])

# expect: True
# expect: ['0.1', '0.3333333333333333', '1e-10', '123456.789', '-0.0', '9007199254740993', '-17']
