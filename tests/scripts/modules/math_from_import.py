# from-import and import-as bind module members and modules.
from math import sqrt, pi as PI
import math as m
print(sqrt(81), PI == m.pi, m.floor(PI))

# expect: 9.0 True 3
