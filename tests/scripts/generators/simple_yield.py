# A generator runs lazily between yields.
def numbers():
    print("start")
    yield 1
    print("after 1")
    yield 2
    print("end")
gen = numbers()
print("created")
print(next(gen))
print(next(gen))
print(list(gen))

# expect: created
# expect: start
# expect: 1
# expect: after 1
# expect: 2
# expect: end
# expect: []
