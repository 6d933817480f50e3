# An exception propagates through enclosing functions, running every finally.
def level3():
    raise LookupError("deep")
def level2():
    try:
        level3()
    finally:
        print("cleanup 2")
def level1():
    try:
        level2()
    finally:
        print("cleanup 1")
try:
    level1()
except LookupError as error:
    print("caught", error)

# expect: cleanup 2
# expect: cleanup 1
# expect: caught deep
