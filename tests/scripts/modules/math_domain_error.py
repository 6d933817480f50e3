# math.sqrt of a negative number raises ValueError.
import math
print(math.sqrt(4))
print(math.sqrt(-1))

# expect: 2.0
# expect error: ValueError: math domain error
