# expect error: SyntaxError line 3
# A UTF-8 sequence cut short before the line ends.
label = "â‚"
