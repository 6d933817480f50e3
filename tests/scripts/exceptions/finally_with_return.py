# finally runs on return; a return in finally wins.
def f():
    try:
        return "from try"
    finally:
        print("finally runs")
def g():
    try:
        return "from try"
    finally:
        return "from finally"
print(f(), g())

# expect: finally runs
# expect: from try from finally
