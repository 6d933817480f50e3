# Assignment makes a name local; the global stays unchanged.
name = "global"
def shadow():
    name = "local"
    return name
print(shadow(), name)

# expect: local global
