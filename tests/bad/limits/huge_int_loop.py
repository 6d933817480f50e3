# expect error: RunawayTask line 6
# Multiplying huge ints is charged to the instruction budget like the work it is: a loop of
# them ends as a runaway task instead of running for minutes.
x = 3 ** 20000000
for i in range(1000):
    y = x * x
print("done")
