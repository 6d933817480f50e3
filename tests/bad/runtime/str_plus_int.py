# expect error: TypeError line 3
count = 3
print("count: " + count)
