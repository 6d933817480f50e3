# Deleting a missing dict key raises KeyError.
d = {"a": 1}
del d["b"]

# expect error: KeyError: 'b'
