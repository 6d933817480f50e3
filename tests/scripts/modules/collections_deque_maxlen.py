# A bounded deque drops items from the other end.
import collections
recent = collections.deque(maxlen=3)
for n in range(6):
    recent.append(n)
print(recent, recent.maxlen)
recent.appendleft(99)
print(recent)
print(3 in recent, recent.count(4), bool(collections.deque()))

# expect: deque([3, 4, 5], maxlen=3) 3
# expect: deque([99, 3, 4], maxlen=3)
# expect: True 1 False
