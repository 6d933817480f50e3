"""Hostile programs too big to keep in the repository: run_bad.py writes them to a temporary
folder at test time and checks them like the files under tests/bad/.

Each entry maps a path (its folder decides, as for the files, whether CPython can check it) to
the program's text, which starts with the usual `# expect error:` header. CPython reports the
compiler's and the parser's nesting limits without a line; those programs say so on their second
line (`# cpython prints no line`), and `run_bad.py --python` then checks the error type only.
"""

NO_LINE = "# cpython prints no line\n"


def chain(first, link, count, last=""):
    return first + link * count + last


def elifs(count):
    return "if a:\n    pass\n" + "elif a:\n    pass\n" * count


def statements_then_error(megabytes):
    line = "value_{0} = {0} * 2\n"
    lines, size, i = [], 0, 0
    while size < megabytes * 2**20:
        text = line.format(i)
        lines.append(text)
        size += len(text)
        i += 1
    return lines


def program(header, body, no_line=False):
    return f"# expect error: {header}\n" + (NO_LINE if no_line else "") + body


def ten_megabytes_then_an_error():
    lines = statements_then_error(10)
    return program(f"ZeroDivisionError line {len(lines) + 2}", "".join(lines) + "print(1 / 0)\n")


def one_line_of_ten_megabytes():
    return program("AttributeError line 3", 'text = "' + "x" * (10 * 2**20) + '"\ntext.missing()\n')


def ten_megabytes_of_comments():
    comment = "# " + "spam " * 15 + "\n"
    count = 10 * 2**20 // len(comment)
    return program(f"NameError line {count + 2}", comment * count + "undefined_name\n")


def hundred_thousand_functions():
    body = "".join(f"def function_{i}(x):\n    return x + {i}\n" for i in range(100_000))
    return program(f"NameError line {2 + 200_000}", body + "function_100000(1)\n")


PROGRAMS = {
    # The compiler's limit: 3000 nested statements and expressions.
    "nesting/sum_of_300k_terms.py":
        program("RecursionError line 3", chain("x = 1", "+1", 300_000, "\n"), no_line=True),
    "nesting/sum_of_3000_terms.py":
        program("RecursionError line 3", chain("x = 1", "+1", 2_999, "\n"), no_line=True),
    "nesting/attribute_chain_100k.py":
        program("RecursionError line 3", chain("x = a", ".b", 100_000, "\n"), no_line=True),
    "nesting/call_chain_100k.py":
        program("RecursionError line 3", chain("x = f", "()", 100_000, "\n"), no_line=True),
    "nesting/subscript_chain_100k.py":
        program("RecursionError line 3", chain("x = a", "[0]", 100_000, "\n"), no_line=True),
    "nesting/elif_chain_4000.py":
        program("RecursionError line 6001", elifs(4000), no_line=True),
    # The parser's stack: CPython 3.11 gives up with a bare MemoryError.
    "nesting/not_chain_7000.py":
        program("MemoryError line 3", chain("x = ", "not ", 7000, "a\n"), no_line=True),
    "nesting/unary_minus_100k.py":
        program("MemoryError line 3", chain("x = ", "-", 100_000, "1\n"), no_line=True),
    "nesting/power_chain_3000.py":
        program("MemoryError line 3", chain("x = ", "2**", 3000, "1\n"), no_line=True),
    "nesting/lambda_chain_3000.py":
        program("MemoryError line 3", chain("f = ", "lambda: ", 3000, "0\n"), no_line=True),
    "nesting/conditional_chain_6000.py":
        program("MemoryError line 3", chain("x = ", "a if a else ", 6000, "a\n"), no_line=True),
    # Big files run, or fail where they fail, within the budgets.
    "big/ten_megabytes_then_an_error.py": ten_megabytes_then_an_error(),
    "big/one_line_of_ten_megabytes.py": one_line_of_ten_megabytes(),
    "big/ten_megabytes_of_comments.py": ten_megabytes_of_comments(),
    "big/hundred_thousand_functions.py": hundred_thousand_functions(),
}
