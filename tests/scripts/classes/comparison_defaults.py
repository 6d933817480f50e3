# Without __eq__, instances compare by identity; __lt__ missing means TypeError.
class Plain:
    pass
a, b = Plain(), Plain()
print(a == a, a == b, a != b, a is not b)
try:
    a < b
except TypeError as error:
    print("TypeError:", error)

# expect: True False True True
# expect: TypeError: '<' not supported between instances of 'Plain' and 'Plain'
