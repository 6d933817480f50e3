# expect error: IndentationError line 5
for i in range(3):
    if i:
        print(i)
      print("oops")
