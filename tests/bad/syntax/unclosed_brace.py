# expect error: SyntaxError line 2
config = {"a": 1,
          "b": 2
