# Width, alignment and fill characters.
print(f"[{'ab':>6}] [{'ab':<6}] [{'ab':^6}] [{'ab':*^7}]")
print(f"[{42:5}] [{42:<5}] [{-42:=6}] [{42:05}]")
print(f"[{'x':6}]")

# expect: [    ab] [ab    ] [  ab  ] [**ab***]
# expect: [   42] [42   ] [-   42] [00042]
# expect: [x     ]
