# A lone value need not be wrapped in a tuple, but a tuple value must be.
print("%s" % 5)
print("%s" % ((1, 2),))
print("%.1f" % 2.25, "%.1f" % 2.35)

# expect: 5
# expect: (1, 2)
# expect: 2.2 2.4
