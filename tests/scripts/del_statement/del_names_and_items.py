# del removes names, list items, slices and dict keys.
x = 1
del x
try:
    print(x)
except NameError as error:
    print("NameError:", error)
nums = list(range(8))
del nums[0]
del nums[-1]
del nums[1:3]
print(nums)
d = {"a": 1, "b": 2}
del d["a"]
print(d)

# expect: NameError: name 'x' is not defined
# expect: [1, 4, 5, 6]
# expect: {'b': 2}
