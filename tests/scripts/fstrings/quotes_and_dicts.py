# Using the other quote kind inside the braces.
d = {"key": "value", "n": 5}
print(f"{d['key']} {d['n'] * 2}")
print(f'{"nested"} {"-".join(["a", "b"])}')

# expect: value 10
# expect: nested a-b
