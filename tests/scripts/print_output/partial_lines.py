# end="" builds one line from several prints.
for i in range(3):
    print(i, end=" ")
print("|")
print("a", end="")
print("b", end="")
print()

# expect: 0 1 2 |
# expect: ab
