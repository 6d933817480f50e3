# expect error: NameError line 3
# A scenario cannot wait for the keyboard.
name = input("name? ")
