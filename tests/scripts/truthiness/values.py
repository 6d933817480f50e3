# Which values are truthy.
for value in [0, 1, -1, 0.0, "", "a", [], [0], {}, {"k": 0}, None, (), (None,), set(), range(0), range(1)]:
    print(repr(value), "truthy" if value else "falsy")

# expect: 0 falsy
# expect: 1 truthy
# expect: -1 truthy
# expect: 0.0 falsy
# expect: '' falsy
# expect: 'a' truthy
# expect: [] falsy
# expect: [0] truthy
# expect: {} falsy
# expect: {'k': 0} truthy
# expect: None falsy
# expect: () falsy
# expect: (None,) truthy
# expect: set() falsy
# expect: range(0, 0) falsy
# expect: range(0, 1) truthy
