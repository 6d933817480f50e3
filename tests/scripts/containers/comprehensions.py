# List, dict and set comprehensions with conditions and nesting.
print([x * x for x in range(6) if x % 2 == 0])
print({x: x ** 2 for x in range(4)})
print({x % 3 for x in range(10)})
print([(i, j) for i in range(3) for j in range(i)])
print([[j for j in range(i)] for i in range(4)])
print(["even" if n % 2 == 0 else "odd" for n in range(3)])

# expect: [0, 4, 16]
# expect: {0: 0, 1: 1, 2: 4, 3: 9}
# expect: {0, 1, 2}
# expect: [(1, 0), (2, 0), (2, 1)]
# expect: [[], [0], [0, 1], [0, 1, 2]]
# expect: ['even', 'odd', 'even']
