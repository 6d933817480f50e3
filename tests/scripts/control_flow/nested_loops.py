# break leaves only the innermost loop.
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        print(i, j, end="; ")
    print()

# expect: 0 0; 0 1; 
# expect: 1 0; 1 1; 
# expect: 2 0; 2 1; 
