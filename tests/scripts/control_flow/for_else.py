# A for loop's else runs only when the loop was not broken.
for n in [3, 5, 7]:
    if n % 2 == 0:
        print("found even", n)
        break
else:
    print("no even number")
for n in [3, 4, 7]:
    if n % 2 == 0:
        print("found even", n)
        break
else:
    print("no even number")

# expect: no even number
# expect: found even 4
