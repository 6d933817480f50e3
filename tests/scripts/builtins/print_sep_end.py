# print with sep and end.
print("a", "b", "c", sep="-")
print("no newline", end="")
print(" continued")
print("x", "y", sep="", end="!\n")
print()
print(1, 2, sep=", ", end=" <end>\n")
print(*[1, 2, 3])

# expect: a-b-c
# expect: no newline continued
# expect: xy!
# expect:
# expect: 1, 2 <end>
# expect: 1 2 3
