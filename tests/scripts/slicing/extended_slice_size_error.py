# An extended slice assignment of the wrong size raises ValueError.
xs = list(range(6))
xs[::2] = [1, 2]

# expect error: ValueError: attempt to assign sequence of size 2 to extended slice of size 3
