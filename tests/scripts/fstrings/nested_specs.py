# Format specs can themselves contain replacement fields.
width, precision = 10, 3
value = 2.718281828
print(f"[{value:{width}.{precision}f}]")
print(f"[{'hi':{'>'}{width}}]")
for w in (4, 6):
    print(f"[{w:>{w}}]")

# expect: [     2.718]
# expect: [        hi]
# expect: [   4]
# expect: [     6]
