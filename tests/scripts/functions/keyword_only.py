# Parameters after * must be passed by keyword.
def connect(host, *, port=80, secure):
    return f"{host}:{port} secure={secure}"
print(connect("a", secure=True), connect("b", port=8, secure=False))
try:
    connect("c", 443, True)
except TypeError as error:
    print("TypeError:", error)

# expect: a:80 secure=True b:8 secure=False
# expect: TypeError: connect() takes 1 positional argument but 3 were given
