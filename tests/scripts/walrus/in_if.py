# := in an if condition keeps the value for the body.
data = {"key": 0}
if (value := data.get("key")) is not None:
    print("found", value)
if (missing := data.get("other")) is None:
    print("missing", missing)
print((total := 2 + 3) * 2, total)

# expect: found 0
# expect: missing None
# expect: 10 5
