# partition and rpartition split around the first or last separator.
print("key=value=more".partition("="))
print("key=value=more".rpartition("="))
print("novalue".partition("="))

# expect: ('key', '=', 'value=more')
# expect: ('key=value', '=', 'more')
# expect: ('novalue', '', '')
