# math.inf, math.nan and the predicates.
import math
print(math.inf, -math.inf, math.isinf(math.inf), math.isnan(math.nan), math.isfinite(1.0))
print(math.isclose(0.1 + 0.2, 0.3), 0.1 + 0.2 == 0.3)
print(math.fsum([0.1] * 10), sum([0.1] * 10))

# expect: inf -inf True True True
# expect: True False
# expect: 1.0 0.9999999999999999
