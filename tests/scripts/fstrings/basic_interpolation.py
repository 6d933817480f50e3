# Expressions inside f-strings, including calls and arithmetic.
name, count = "asyncio", 3
print(f"{name} has {count} tasks")
print(f"{count * 2 + 1} {name.upper()} {len(name)}")
print(f"{{literal braces}} {count}")

# expect: asyncio has 3 tasks
# expect: 7 ASYNCIO 7
# expect: {literal braces} 3
