# A while loop's else runs when the condition becomes false.
i = 0
while i < 3:
    i += 1
else:
    print("finished at", i)
while True:
    break
else:
    print("never printed")
print("done")

# expect: finished at 3
# expect: done
