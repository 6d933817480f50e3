# Numbers convert to text and back without loss.
for value in [0, -7, 3.25, 1e20, 1 / 7]:
    text = str(value)
    print(text, type(value)(text) == value)

# expect: 0 True
# expect: -7 True
# expect: 3.25 True
# expect: 1e+20 True
# expect: 0.14285714285714285 True
