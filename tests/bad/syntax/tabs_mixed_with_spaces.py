# expect error: TabError line 4
def work():
        x = 1
	return x
print(work())
