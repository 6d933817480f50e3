# A missing key is an uncaught KeyError that names the key.
ages = {"ada": 36}
print(ages["ada"])
print(ages["bob"])

# expect: 36
# expect error: KeyError: 'bob'
