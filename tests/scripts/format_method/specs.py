# Format specs in str.format.
print("[{:>8}] [{:<8}] [{:^8}]".format("r", "l", "c"))
print("{:.3f} {:,} {:x} {:08.2f}".format(2 / 3, 10 ** 6, 3054, -3.14159))
print("{:{}}|".format("w", 5))

# expect: [       r] [l       ] [   c    ]
# expect: 0.667 1,000,000 bee -0003.14
# expect: w    |
