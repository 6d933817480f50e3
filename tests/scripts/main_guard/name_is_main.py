# A script runs with __name__ == "__main__".
def main():
    print("main ran")
print(__name__)
if __name__ == "__main__":
    main()

# expect: __main__
# expect: main ran
