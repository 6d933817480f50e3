#!/usr/bin/env python3
"""Regenerates error_cases.inc: malformed programs with CPython 3.11's verdict on each.

For every case below, CPython's compile() gives the error type, message, line and offset, and
`python3 demo.py` gives the exact text it prints; tst_parser.cpp checks Loopscope's parser
against both. Run it after adding a case:  python3 tests/parser/bless_error_cases.py
Cases that CPython accepts are skipped (the valid ones are checked by compare_with_cpython.py).
"""

import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

cases = {
'colon1': 'def f()\n    pass\n', 'colon2': 'if x\n    pass\n', 'colon3': 'for x in y\n    pass\n',
'colon4': 'class A\n    pass\n', 'colon5': 'while x > 1\n    pass\n', 'colon6': 'if x == 1:\n    pass\nelse\n    pass\n',
'colon7': 'try\n    pass\nexcept:\n    pass\n', 'colon8': 'with a as b\n    pass\n',
'indent1': 'if x:\npass\n', 'indent2': 'def f():\nreturn 1\n', 'indent3': 'for x in y:\n\nx = 1\n',
'indent4': 'class A:\n    def f(self):\n    pass\n', 'indent5': 'try:\nx=1\n', 'indent6': 'while 1:\n',
'indent7': 'if x:\n    pass\nelse:\nx\n', 'indent8': 'async def f():\nx\n', 'indent9': 'with a:\nx\n',
'indent10': 'try:\n  x\nexcept E:\nx\n', 'indent11': 'try:\n  x\nfinally:\nx\n', 'indent12': 'if a:\n  x\nelif b:\nx\n',
'unexp': 'x = 1\n        y = 2\n', 'unexp2': 'x = 1\n\ty = 2\n', 'trip': 'x = """abc\n\ny\n',
'paren1': 'x = (1,\n2\n', 'paren2': 'foo(a, [1, 2)\n', 'paren3': 'foo(a, [1,\n 2)\n', 'paren4': 'x = 1)\n',
'paren5': 'x = = 1\ny = (\n', 'lit': '1 = x\n', 'lit2': '"a" = x\n', 'lit3': 'f() = 1\n', 'lit4': 'x + 1 = 2\n',
'lit5': 'None = 1\n', 'lit6': 'for 1 in x: pass\n', 'lit7': '(a, 1) = x\n', 'lit8': 'x += 1 = 2\n', 'lit9': 'f() += 1\n',
'ret': 'return 1\n', 'aw': 'await x\n', 'aw2': 'def f():\n    await x\n', 'dec': 'x = 1abc\n', 'dec2': 'x = 1_\n',
'dec3': 'x = 1__0\n', 'hex': 'x = 0xg\n', 'oct': 'x = 0o8\n', 'bin': 'x = 0b2\n', 'exp': 'x = 1e\n',
'pr': 'print "hello"\n', 'pr2': 'print x\n', 'comma': 'x = [1 2]\n', 'comma2': 'f(a, b c)\n',
'inv1': 'x = 1 +\n', 'inv2': 'x === 1\n', 'inv3': 'def f(:\n  pass\n', 'inv4': 'x = $\n', 'inv5': 'x = 1 ? 2\n',
'inv6': 'x = !a\n', 'inv7': 'if x = 1:\n  pass\n', 'inv8': 'else:\n  pass\n', 'inv9': 'x = (1 if 2)\n', 'inv10': 'a b\n',
'inv11': 'def f(x y): pass\n', 'inv12': 'x = [1, 2\n', 'inv13': 'class A(:\n  pass\n', 'inv14': 'x = 5 +* 3\n',
'inv15': "x = 'abc\n", 'inv16': 'import\n', 'inv17': 'from x import\n', 'inv18': 'x = 1 if 2 else\n', 'inv19': 'f(**)\n',
'inv20': 'x = \\ y\n', 'inv21': 'x = 1\\', 'inv22': 'lambda: yield\n', 'inv23': 'x = [i for i in]\n', 'inv24': 'x.1\n',
'inv25': 'f(x for x in y, 1)\n', 'inv26': 'def f(a=1, b): pass\n', 'inv27': 'f(a=1, b)\n', 'inv28': 'f(**a, *b)\n',
'inv29': 'nonlocal x\n', 'inv31': 'x = \u20ac\n', 'inv32': 'break\n', 'inv33': 'continue\n',
'inv34': 'yield 1\n', 'inv35': 'del f()\n', 'inv36': 'x = 1; ;\n', 'inv37': 'a, b += 1\n', 'inv38': 'f(a for a in b)\n',
'inv39': "x = f'{'\n", 'inv40': "x = f'{}'\n", 'inv41': "x = f'{a!x}'\n", 'inv42': "x = f'}'\n", 'inv43': 'x = 1 if else 2\n',
'inv44': 'x = 0777\n', 'inv45': 'x = 1.2.3\n', 'inv46': 'def f(*): pass\n', 'inv47': 'def f(**k, a): pass\n',
'inv48': 'x = (yield)\n', 'inv49': 'async def f():\n    yield from x\n', 'inv50': 'async with x:\n  pass\n',
'c1': 'def f() x:\n    pass\n', 'c2': 'if x y:\n    pass\n', 'c3': 'for x in y z:\n    pass\n', 'c4': 'class A x:\n    pass\n',
'c5': 'while x y:\n    pass\n', 'c6': 'try x:\n    pass\n', 'c7': 'with a b:\n    pass\n', 'c8': 'if x:\n  pass\nelse x:\n  pass\n',
'c9': 'if x:\n  pass\nelif y z:\n  pass\n', 'c10': 'try:\n  pass\nexcept E x:\n  pass\n', 'c11': 'try:\n  pass\nexcept E\n  pass\n',
'c12': 'try:\n  pass\nfinally\n  pass\n', 'c13': 'class A(B)\n  pass\n', 'c14': 'def f() -> int\n  pass\n', 'c15': 'lambda x x\n',
'c16': 'for x in y:\n  pass\nelse\n  pass\n', 'c17': 'try:\n  pass\nexcept\n  pass\n', 'c18': 'async def f()\n  pass\n',
'c19': 'def f:\n  pass\n', 'c20': 'x = {1: 2, 3}\n', 'c21': 'x = {1: 2, 3: }\n', 'c22': 'f(a, b\nx = 1\n', 'c23': 'x = (\n',
'c24': '  x = 1\n', 'c25': 'x = [1,\n     2,\n', 'c26': 'if x:\n    a = 1\n   b = 2\n',
'c27': '\n\n   \n# c\nif True:\n        x = 1\n    y = 2\n', 'c28': 'x = 1 +\ny = 2\n', 'c29': 'foo(\n', 'c30': 'x = "a" "b\n',
'c31': "x = 'a\\\nb'\n", 'c32': 'def f():\n    """doc\n', 'c33': 'x = True = 1\n', 'c34': 'f(x) = 1\n', 'c35': 'x.y = 1 = 2\n',
'c36': '[a, b] = 1\n', 'c37': 'x = [a, b c]\n', 'c38': 'x = (a b)\n', 'c39': 'f(a b c)\n', 'c40': 'f(1 2)\n', 'c41': 'x = {a b}\n',
'c42': 'print("a" "b" c)\n', 'c43': 'x = (a.b c.d)\n', 'c44': 'x = ("a" b)\n', 'c45': 'x = (a "b")\n',
'c46': 'if x:\n    pass\n  else:\n    pass\n', 'c47': 'x = 1\n\tif y:\n',
'e1': 'x = f"abc\n', 'e2': 'x = rb"abc\n', 'e3': 'x = "\\x4"\n', 'e5': 'x = "\\u12"\n', 'e6': "x = b'\u00e9'\n",
'e7': 'if x:\n\tif y:\n\t\tpass\n\t        z\n', 'e8': 'if x:\n        a\n\tb\n', 'e9': 'f(a b\n', 'e10': 'x = 1\x01\n',
'e12': 'x = 1.5.real\n', 'e13': 'x = 1if 1 else 2\n', 'e14': 'x = 0_0\n', 'e15': 'x = 0b\n', 'e16': 'x = 0o\n',
'e17': 'x = 1e+\n', 'e18': 'x = 1.e5\n', 'e19': 'x = 1_000.000_1e1_0\n', 'e20': 'if a:\n  if b:\nx\n', 'e21': 'x = "a\\\nb"\n',
'e22': "x = f'{a!r:>{w}}'\n", 'e23': "x = f'{a=}'\n", 'e24': "x = f'{a b}'\n", 'e25': "x = f'{1 +}'\n",
'e26': "x = f'{x:{y:{z}}}'\n", 'e28': "x = f'{ }'\n", 'e29': "x = f'{a!}'\n", 'e30': "x = f'{a:'\n", 'e31': "x = f'{a!r'\n",
'e32': "x = f'{\"a\"}'\n", 'e33': "x = f'{{}}'\n", 'e34': "x = f'abc\\{x}'\n", 'e35': "x = f'{#}'\n", 'e36': "x = f'{a\\n}'\n",
'e37': "x = f'''{\na\n}'''\n", 'e38': "x = f'{lambda x: 1}'\n", 'e39': "x = f'{yield}'\n", 'e40': 'x = 09.5\n',
'e41': '@\ndef f(): pass\n', 'e42': '@foo\nx = 1\n', 'e43': 'def f(a, /, b): pass\n',
'f1': "x = 1\ny = 2\nz = f'{a b}'\n", 'f2': "x = 1\n\nz = f'{1 +}'\n", 'f3': "z = f'{x!r:{y!r}}'\n",
'f5': 'try:\n  pass\nexcept* E:\nx\n', 'f6': 'class A:\nx\n', 'f7': 'x = "a" b"c"\n', 'f8': 'def f(a, a): pass\n',
'f9': '*a = 1\n', 'f10': 'a, *b, *c = x\n', 'f12': 'f(x.y=1)\n', 'f13': 'f(1=2)\n', 'f14': 'x = yield = 1\n',
'f15': '(a, b): int = 1\n', 'f16': 'a.b: int\n', 'f17': '[a]: int\n', 'f18': 'a + 1: int\n', 'f19': 'del 1\n', 'f20': 'del (a, f())\n',
'f21': 'for f() in x: pass\n', 'f22': 'with a as 1: pass\n', 'f23': 'x = [x async for x in y]\n',
'f24': 'async def f():\n  return [x for x in await y]\n', 'f25': 'f(*a, b=1, *c, **d, e=2)\n', 'f26': 'lambda: (yield)\n',
'f27': 'import a.b as c, d\n', 'f28': 'def f(*, a): pass\n', 'f29': 'x = {**a, "b": 1}\n', 'f30': 'print(x for x in y)\n',
'f31': 'f(x for x in y, )\n', 'f32': 'if x:\n    pass\nelif y\n    pass\n', 'f33': 'x = (1 +\n', 'f34': 'x = 1 +\ny = (\n',
'f35': 'x = [1, 2 3]\ny = (\n',
'g1': 'try:\n  pass\nx = 1\n', 'g2': 'try:\n  pass\nexcept A, B:\n  pass\n', 'g3': 'try:\n  pass\nexcept* A:\n  pass\nexcept B:\n  pass\n',
'g4': 'try:\n  pass\nexcept*:\n  pass\n', 'g5': 'from x import a,\n', 'g6': 'f(**a, b)\n', 'g7': 'def f(a, /): pass\n',
'g8': 'x = [*a, *b]\n', 'g10': 'for x in range(3):\n  pass\nelse:\n  break\n', 'g11': 'class A:\n  return 1\n',
'g12': 'def f():\n  class A:\n    await x\n', 'g13': 'def f():\n  lambda: await x\n', 'g14': 'async def f():\n  lambda: await x\n',
'g15': 'x = [await y for y in z]\n', 'g17': 'async def f():\n  x = [y async for y in z]\n',
'g18': 'def f():\n  async for x in y: pass\n', 'g19': 'f(a for a in b, c for c in d)\n', 'g20': 'f(a, b for b in c)\n',
'h1': 'x = = 1\ny = "abc\n', 'h2': 'def f()\n    pass\ny = "abc\n', 'h3': 'x = (1,\ny = "abc\n', 'h4': 'x = )\ny = (\n',
'h5': 'x = 1 2\n  y = 3\n', 'h6': 'x = 1 2\ny = 09\n',
'v1': 'import asyncio\n\nasync def main():\n    t = asyncio.create_task(work(1))\n    await asyncio.sleep(1.5)\n    print(f"{t!r:>10} {x=}")\n\nasyncio.run(main())\n',
'v2': 'x = a if b else c\ny = lambda a, *b, c=1, **d: a\nz = [i*2 for i in range(10) if i % 2 if i]\nw = {k: v for k, v in d.items()}\n',
'v3': 'class A(B, C):\n    @property\n    def x(self) -> int:\n        return self._x\n    async def __aenter__(self):\n        return self\n',
'v4': 'with (open(a) as b, c as d):\n    pass\nwith (a, b):\n    pass\nwith (a) as b, c:\n    pass\n',
'v5': 'a = b = c = 1\na, *b = x\n(a, b), c = y\nx[1:2, ::3] = z\nx.y += 1\nn: int = 3\n',
'v6': 'try:\n    pass\nexcept (A, B) as e:\n    raise C from e\nelse:\n    pass\nfinally:\n    pass\n',
'v7': 'if (n := len(a)) > 10:\n    pass\nprint(-9223372036854775808, 0xff, 0o17, 0b101, 1_000, 1e-3, .5, 5.)\n',
'v8': 'def g():\n    x = yield\n    y = yield from h()\n    yield 1, 2\n    return\n',
'v9': 'x = not a or b and c is not d < e in f not in g\ny = ~a ** -b // c @ d\n',
'v10': 'async def f():\n    async with a as b, c:\n        async for x in y:\n            await z\n    return [await q async for q in r]\n',
'v11': 'x = 1 \\\n  + 2\nif True:\n    pass\n# comment\n    # indented comment\nelse:\n    pass\n',
'v12': 'def f(a, b=2, /, c=3, *args, d, e=5, **kw): pass\n',
'v13': 'x = b"abc" b"\\x00"\ny = r"\\n" "\\t"\nz = """a\nb"""\n',
'v14': 'global x\ndel a, b[0], c.d\nassert x, "m"\nimport asyncio.exceptions as ae\nfrom asyncio import (sleep, gather,)\n',
'v15': 'x = f"{a:{b}.{c}f} {d!s} {{e}}"\n',
'v16': 'x = 1\nif x:\n  pass\n\n\n\n',
'v17': 'x = (1\n     + 2)\n',
'v18': 'x = 9223372036854775807\n',
}

# Beyond the small cases: limits and unusual input.
cases["nested_parens_201"] = "x = " + "(" * 201 + "1" + ")" * 201 + "\n"
cases["nested_ok_199"] = "x = " + "(" * 199 + "1" + ")" * 199 + "\n"
cases["unterminated_single_after_code"] = "x = 1\ny = 'abc\nz = 2\n"
cases["tab_error_mixed"] = "if x:\n\tif y:\n\t\tpass\n        \tz\n"
cases["unicode_identifier_ok"] = "caf\u00e9 = 1\n"
cases["smart_quote"] = "print(\u201chello\u201d)\n"
cases["non_ascii_before_error"] = 'x = "\u00e9" $ 1\n'
cases["comma_non_ascii"] = 'x = ("\u00e9" "b" c)\n'
cases["crlf_missing_colon"] = "x = 1\r\nif x\r\n    pass\r\n"
cases["no_trailing_newline_colon"] = "while True"
cases["eof_in_block_header"] = "def later():\n"
cases["return_in_class"] = "class A:\n    return 1\n"
cases["yield_outside"] = "x = yield 1\n"
cases["too_many_indent_levels"] = "".join(" " * i + "if x:\n" for i in range(101)) + " " * 101 + "pass\n"

# Learners' common mistakes.
cases['m1'] = 'x = [1, 2,, 3]\n'
cases['m2'] = 'foo(,)\n'
cases['m3'] = 'if x == 1 or:\n    pass\n'
cases['m4'] = "print('a' + )\n"
cases['m5'] = 'if x:\n    pass\nelse if y:\n    pass\n'
cases['m6'] = 'elif x:\n    pass\n'
cases['m7'] = 'def f(x, y=):\n    pass\n'
cases['m8'] = 'def f():\n    return x y\n'
cases['m9'] = 'f = lambda x: return x\n'
cases['m10'] = 'while True print(x)\n'
cases['m11'] = "x = {'a': 1 'b': 2}\n"
cases['m12'] = 'd = dict(a=1, a=2)\n'
cases['m13'] = 'async def main()\n    await x\n'
cases['m14'] = 'import asyncio\nasync def main():\n    await asyncio.sleep(1)\nasyncio.run(main()\n'
cases['m15'] = 'print("hello)\n'
cases['m16'] = "print('it's')\n"
cases['m17'] = 'x = 10\nif x > 5:\n    print("big")\n  print("done")\n'
cases['m18'] = 'def f():\n\tif x:\n        pass\n'
cases['m19'] = 'x = (1, 2\ny = 3\n'
cases['m20'] = 'for i in range(10):\nprint(i)\n'
cases['m21'] = 'class A:\n    def __init__(self)\n        pass\n'
cases['m22'] = 'x = 5\nx++\n'
cases['m23'] = 'x = true && false\n'
cases['m24'] = 'if x => 1:\n    pass\n'
cases['m25'] = 'def f(*args, *more): pass\n'
cases['m26'] = 'with open(x) as f, :\n    pass\n'
cases['m27'] = 'try:\n    pass\nexcept Exception, e:\n    pass\n'
cases['m28'] = 'raise E, "msg"\n'
cases['m29'] = 'exec "code"\n'
cases['m30'] = 'x = 1 if y\n'
cases['m31'] = 'async = 1\n'
cases['m32'] = 'await = 1\n'
cases['m34'] = 'import a.b.c as\n'
cases['m35'] = 'from a import b as c d\n'
cases['m36'] = 'x = [i for i in range(3) if i else 0]\n'
cases['m37'] = 'x = f"{x!r}" f"{y"\n'
cases['m38'] = "x = f'{x:{y}'\n"
cases['m39'] = 'x = *a\n'
cases['m40'] = 'print(*)\n'
cases['m41'] = 'x = a[1:2:3:4]\n'
cases['m42'] = 'def f():\n    yield = 3\n'
cases['m43'] = 'global\n'
cases['m44'] = 'x = not\n'
cases['m45'] = 'x = 1 +\\\n'
cases['m47'] = 'def f(a, b):\n    pass\nf(a=1, a=2)\n'
cases['m48'] = 'x = {**a: 1}\n'
cases['m49'] = 'del x + 1\n'
cases['m50'] = 'del *x\n'
cases['m52'] = 'x: int, y: int = 1, 2\n'
cases['m62'] = 'x = 1__2\n'
cases['m63'] = 'x = 0x\n'
cases['m64'] = 'x = 1.__class__\n'


def c_string(text):
    out = '"'
    for byte in text.encode("utf-8"):
        ch = chr(byte)
        if ch == "\\":
            out += "\\\\"
        elif ch == '"':
            out += '\\"'
        elif ch == "\n":
            out += "\\n"
        elif ch == "\t":
            out += "\\t"
        elif 0x20 <= byte < 0x7F:
            out += ch
        else:
            out += "\\%03o" % byte
    return out + '"'


def main():
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, source in cases.items():
            try:
                compile(source, "demo.py", "exec")
                continue
            except SyntaxError as e:
                error = e
            path = os.path.join(tmp, "demo.py")
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(source)
            printed = subprocess.run([sys.executable, "demo.py"], cwd=tmp, capture_output=True,
                                     text=True).stderr.replace(path, "demo.py")
            rows.append("    {%s, %s, %s, %s, %d, %d, %s}," % (
                c_string(name), c_string(source), c_string(type(error).__name__), c_string(error.msg),
                error.lineno, error.offset or 0, c_string(printed)))
    with open(os.path.join(HERE, "error_cases.inc"), "w") as f:
        f.write("// Generated by bless_error_cases.py from CPython %s; do not edit.\n" % sys.version.split()[0])
        f.write("// {name, source, type, message, line, offset (compile()), text printed by `python3 demo.py`}\n")
        f.write("\n".join(rows) + "\n")
    print("%d error cases written" % len(rows))


if __name__ == "__main__":
    main()
