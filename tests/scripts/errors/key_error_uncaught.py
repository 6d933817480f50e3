# An uncaught KeyError names the key.
config = {"debug": True}
print(config["verbose"])

# expect error: KeyError: 'verbose'
