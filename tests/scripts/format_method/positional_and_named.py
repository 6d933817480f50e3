# str.format with automatic, numbered and named fields.
print("{} and {}".format("a", "b"))
print("{1} {0} {1}".format("x", "y"))
print("{name} is {age}".format(name="Ada", age=36))
print("{0[1]} {1[k]} {2.real}".format([10, 20], {"k": "v"}, 3))

# expect: a and b
# expect: y x y
# expect: Ada is 36
# expect: 20 v 3
