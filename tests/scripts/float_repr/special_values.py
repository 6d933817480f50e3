# inf and nan, and how they compare.
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan)
print(inf > 1e308, nan == nan, nan != nan)
print(float("-inf") < 0)

# expect: inf -inf nan
# expect: True False True
# expect: True
