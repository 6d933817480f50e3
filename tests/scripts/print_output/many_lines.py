# Printing many lines in a loop keeps their order.
for i in range(5):
    print("line", i, "squared", i * i)

# expect: line 0 squared 0
# expect: line 1 squared 1
# expect: line 2 squared 4
# expect: line 3 squared 9
# expect: line 4 squared 16
