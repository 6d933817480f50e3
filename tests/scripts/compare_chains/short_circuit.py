# A chain stops at the first false comparison.
def value(v):
    print("eval", v)
    return v
print(value(3) < value(2) < value(1))

# expect: eval 3
# expect: eval 2
# expect: False
