# Annotations are accepted on parameters, returns and variables.
def scale(value: float, factor: int = 2) -> float:
    result: float = value * factor
    return result
count: int = 3
print(scale(1.5), scale(2, factor=3), count)

# expect: 3.0 6 3
