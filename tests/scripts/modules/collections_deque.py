# deque appends and pops at both ends.
from collections import deque
d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(d, len(d), d[0], d[-1])
print(d.pop(), d.popleft(), d)
d.extend([7, 8]); d.extendleft([-1, -2])
print(list(d))
d.rotate(2)
print(d)

# expect: deque([0, 1, 2, 3, 4]) 5 0 4
# expect: 4 0 deque([1, 2, 3])
# expect: [-2, -1, 1, 2, 3, 7, 8]
# expect: deque([7, 8, -2, -1, 1, 2, 3])
