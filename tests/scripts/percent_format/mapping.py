# Named fields take their values from a dict.
data = {"name": "loop", "n": 3}
print("%(name)s runs %(n)d tasks" % data)

# expect: loop runs 3 tasks
