# expect error: SyntaxError line 3
# A lone continuation byte.
value = 1 € 2
