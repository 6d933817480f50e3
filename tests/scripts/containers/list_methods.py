# The common list methods.
xs = [5, 3]
xs.append(8); xs.extend([1, 9]); xs.insert(1, 7)
print(xs)
print(xs.pop(), xs.pop(0), xs)
xs.remove(8); print(xs)
print(xs.index(1), xs.count(3))
xs.reverse(); print(xs)
xs.sort(); print(xs)
ys = xs.copy(); ys.clear(); print(xs, ys)

# expect: [5, 7, 3, 8, 1, 9]
# expect: 9 5 [7, 3, 8, 1]
# expect: [7, 3, 1]
# expect: 2 1
# expect: [1, 3, 7]
# expect: [1, 3, 7]
# expect: [1, 3, 7] []
