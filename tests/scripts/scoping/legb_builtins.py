# A global can shadow a builtin; deleting it brings the builtin back.
print(len("abc"))
len = lambda obj: "shadowed"
print(len("abc"))
del len
print(len("abc"))

# expect: 3
# expect: shadowed
# expect: 3
