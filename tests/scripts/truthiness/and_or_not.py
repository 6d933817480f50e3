# and/or return one of their operands; not returns a bool.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, "" or [] or "last")
print(not 0, not [1], not None)
def loud(v):
    print("eval", v)
    return v
print(loud(0) and loud(1))
print(loud(1) or loud(2))

# expect: 2 0 1 2 last
# expect: True False True
# expect: eval 0
# expect: 0
# expect: eval 1
# expect: 1
