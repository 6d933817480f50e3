# Class attributes are shared until an instance shadows them.
class Task:
    count = 0
    kind = "task"
    def __init__(self):
        Task.count += 1
a, b = Task(), Task()
b.kind = "special"
print(Task.count, a.count, a.kind, b.kind, Task.kind)

# expect: 2 2 task special task
