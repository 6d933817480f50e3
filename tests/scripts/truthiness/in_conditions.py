# Containers and numbers in if/while conditions.
queue = [1, 2, 3]
while queue:
    print("pop", queue.pop())
if not queue:
    print("empty")
name = ""
print(name or "anonymous")

# expect: pop 3
# expect: pop 2
# expect: pop 1
# expect: empty
# expect: anonymous
