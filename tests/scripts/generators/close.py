# close() raises GeneratorExit inside; finally blocks run.
def worker():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
g = worker()
print(next(g))
g.close()
print("closed")
try:
    next(g)
except StopIteration:
    print("exhausted after close")

# expect: 1
# expect: cleanup
# expect: closed
# expect: exhausted after close
