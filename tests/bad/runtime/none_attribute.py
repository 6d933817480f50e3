# expect error: AttributeError line 3
result = None
result.append(1)
