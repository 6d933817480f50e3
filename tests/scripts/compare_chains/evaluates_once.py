# The middle expression of a chain is evaluated only once.
def middle():
    print("middle evaluated")
    return 5
print(1 < middle() < 10)

# expect: middle evaluated
# expect: True
