# expect error: NameError line 3
def main():
    helper()
main()
