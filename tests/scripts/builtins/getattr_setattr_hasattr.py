# Attribute builtins on instances and modules.
import math
class Box:
    size = 1
b = Box()
setattr(b, "color", "red")
print(getattr(b, "color"), getattr(b, "size"), getattr(b, "weight", 0))
print(hasattr(b, "color"), hasattr(b, "weight"), hasattr(math, "pi"))

# expect: red 1 0
# expect: True False True
