#!/usr/bin/env python3
"""Writes the CPython 3.11 reference rows that tests/format/ compares the engine with.

Run with python3 (CPython 3.11) from any directory; it rewrites tests/format/data/*.tsv.
With --check it writes nothing and fails when a file differs from what CPython gives now
(the ctest format.reference_data runs that).
Every column is escaped: backslash, tab, newline and carriage return as \\\\, \\t, \\n, \\r.
An expected value that starts with '!' is an exception: "!Type: message".
"""
import _string
import math
import os
import random
import re
import sys

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
SEP = "\x1f"  # separates the parts of one argument column


def esc(text):
    return (text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r"))


CHECK = "--check" in sys.argv
STALE = []


def write(name, rows):
    text = "".join("\t".join(esc(str(col)) for col in row) + "\n" for row in rows)
    path = os.path.join(HERE, name)
    if CHECK:
        with open(path, encoding="utf-8", newline="\n") as existing:
            if existing.read() != text:
                STALE.append(name)
        print(f"{name}: {len(rows)} rows{' DIFFER' if name in STALE else ''}")
        return
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(text)
    print(f"{name}: {len(rows)} rows")


def outcome(fn):
    try:
        return fn()
    except Exception as e:  # noqa: BLE001 - every exception is a reference value here
        return f"!{type(e).__name__}: {e}"


# An argument as the VM would describe it: kind, value, type name, str, repr, ascii.
def arg_token(v):
    if isinstance(v, bool) or isinstance(v, int):
        kind, value = "i", str(int(v))
    elif isinstance(v, float):
        kind, value = "f", v.hex()
    elif isinstance(v, str):
        kind, value = "s", v
    else:
        kind, value = "o", ""
    return SEP.join([kind, value, type(v).__name__, str(v), repr(v), ascii(v)])


# -- floats -------------------------------------------------------------------
TRICKY = [0.1 + 0.2, 1e16, 1e-5, 5e-324, 1.7976931348623157e308, 2.5, -0.0, 0.0, 123456789.123456789,
          1e15, 9999999999999998.0, 1e-4, 0.0001234, 123456789012345.0, 1234567890123456.0, 2e16 + 8,
          1.0, -1.5, 100.0, 1e22, 1e23, 1e-7, 3.141592653589793, 2.718281828459045, 1 / 3, 2 / 3,
          float("inf"), float("-inf"), float("nan"), 0.3, 4.35, 1e300 * 10, 2.2250738585072014e-308,
          1e-320, 12345678.9, 0.5, 1.25e-5, 9.5, 10.5, 1e21, 1e17, 123.456, -987654.321]
rng = random.Random(7)
for _ in range(150):
    TRICKY.append(rng.uniform(-1, 1) * 10 ** rng.randint(-30, 30))
    TRICKY.append(float(rng.getrandbits(60)) / 2 ** rng.randint(0, 70))
for _ in range(40):
    TRICKY.append(struct_val := __import__("struct").unpack("<d", rng.getrandbits(64).to_bytes(8, "little"))[0])

rows = [(x.hex() if x == x else "nan", repr(x), str(x)) for x in TRICKY]
write("float_repr.tsv", rows)

ROUND_INPUTS = [2.675, 0.125, 0.375, 2.5, 3.5, -2.5, 0.5, 1.5, -0.5, 1234.5678, 5.0, 15.0, 25.0, 50.0,
                150.0, 1e308, 1.7976931348623157e308, 0.1 + 0.2, 1e-300, 123456.789, -0.04, 0.045,
                1.005, 2.345, 9.995, 99.5, 1e16 + 2, 4503599627370497.5, float("inf"), float("nan")]
for _ in range(80):
    ROUND_INPUTS.append(round(rng.uniform(-1e6, 1e6), rng.randint(0, 6)) + rng.choice([0, 0.005, 0.0005]))
rows = []
for x in ROUND_INPUTS:
    for n in [None, 0, 1, 2, 3, 5, -1, -2, -3, -308, 400, -400, 17]:
        if n is None:
            if x == x and abs(x) != math.inf and abs(x) >= 2**63:
                continue  # the VM's ints are 64-bit; tst_float_repr checks the OverflowError
            rows.append((x.hex() if x == x else "nan", "none", outcome(lambda: str(round(x)))))
        else:
            res = outcome(lambda: round(x, n))
            rows.append((x.hex() if x == x else "nan", n, res if isinstance(res, str) else res.hex()))
write("float_round.tsv", rows)

# -- format() -------------------------------------------------------------------
INTS = [0, 1, -1, 7, 42, -42, 255, 1234, -1234, 1234567, -9876543210, 2**31, 2**63 - 1, -2**63, 65,
        0x10FFFF, 0x110000, 233, 1000000]
INT_SPECS = ["", "d", "5", "<5", "^7", ">5", "=+8", "+", " ", "-", "05", "010", "08,", ",", "_", "_b",
             "_x", "_o", "#x", "#X", "#o", "#b", "x", "X", "o", "b", "c", "n", "10n", "e", ".2f", "%",
             ".1%", "g", "G", "012,", "*^9", "é>6", "0=10_", "#010x", "+#x", " 010", ".3", "z", ",s",
             "s", "abc", "10.2fx", "<05", "^05", "0<5", "=5", "+c", "#c", ",c", ",n", "<,", "020_",
             "020,", "#_b", "+,", "-08,d", "^+9,", "x<12,", "E", ".0e", "#.0f", ",.2f", "_%", "_n",
             ",_", "_,", ".", "3c", "<3c", "ж^5c", "+010", "=10", "0>8", "F", "?", "é", ",é", "5\x01", "\x7f", "😀^5"]
FLOATS = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, 3.14159, -2.71828, 1e16, 1e-5, 1.5e-7,
          123456789.123456789, 1e22, 1.7976931348623157e308, 5e-324, float("inf"), float("-inf"),
          float("nan"), 0.001, 99.995, 1234.0, 123.0, 1e100, 12345.678, -0.0001, 0.125, 0.375, 1e15,
          9.999999e15, 100.0, 0.1 + 0.2, -1234567.891, 2.675, 1e-10, 0.00001234, 999999.5]
FLOAT_SPECS = ["", "f", ".2f", ".0f", "#.0f", "e", ".3e", "E", "#.0e", "g", ".3g", "#g", "#.3g", "G",
               ".0g", "%", ".1%", ".0%", "n", ".3n", ",", ",.2f", "_.3f", "015,.2f", "010", "+", " ",
               "+.2e", "=+12.3f", "*^15.4g", "<10", ">10", "^10.1f", ".4", ".1", ".17", "z.1f", "z",
               "z.0f", "z%", ".10", "F", ".3F", "010.3f", "-", "d", "x", ",d", "_g", "#", "#.4",
               ",g", "020,.1f", "0=20_.2e", "é<12.2f", ".3G", "#.0%", "012", "+015", ".30f", ".25e",
               ".20g", ",.0f", "z+.2f", "s", "c", ".", "abc", "ж", "_\x02"]
STRS = ["", "a", "abc", "hello world", "héllo", "ж", "tab\tchar", "12345"]
STR_SPECS = ["", "s", "5", "<5", ">5", "^6", "*^7", ".2", "10.3", "é^9", "05", "<05", "=5", "+", " ",
             "#", "z", ",", "d", ".0", "^", "ж>4", ">0", "x^1", "_", "-", "^9.4s", ".", "ab", "c", "é", "😀<6"]
rows = []
for v in INTS:
    for spec in INT_SPECS:
        rows.append(("int", v, spec, outcome(lambda: format(v, spec))))
for b in [True, False]:
    for spec in ["", "d", "5", "s", "x", ".2f", "^7", "c", "#b"]:
        rows.append(("bool", int(b), spec, outcome(lambda: format(b, spec))))
for v in FLOATS:
    for spec in FLOAT_SPECS:
        rows.append(("float", v.hex() if v == v else "nan", spec, outcome(lambda: format(v, spec))))
for v in STRS:
    for spec in STR_SPECS:
        rows.append(("str", v, spec, outcome(lambda: format(v, spec))))
for v, name in [(None, "NoneType"), ([1, "a"], "list"), ((1,), "tuple")]:
    for spec in ["", "s", "10"]:
        rows.append(("object:" + name, str(v), spec, outcome(lambda: format(v, spec))))
# Random specs from the grammar, to reach combinations the lists above miss.
fuzz = random.Random(2024)


def random_spec(types):
    parts = []
    if fuzz.random() < 0.4:
        parts.append(fuzz.choice(["", "*", "0", "é", " ", "x"]) + fuzz.choice("<>=^"))
    if fuzz.random() < 0.3:
        parts.append(fuzz.choice("+- "))
    if fuzz.random() < 0.1:
        parts.append("z")
    if fuzz.random() < 0.2:
        parts.append("#")
    if fuzz.random() < 0.25:
        parts.append("0")
    if fuzz.random() < 0.6:
        parts.append(str(fuzz.randint(0, 25)))
    if fuzz.random() < 0.25:
        parts.append(fuzz.choice(",_"))
    if fuzz.random() < 0.5:
        parts.append("." + str(fuzz.randint(0, 20)))
    if fuzz.random() < 0.8:
        parts.append(fuzz.choice(types))
    return "".join(parts)


for _ in range(1500):
    v = fuzz.choice(INTS + [fuzz.randint(-10**12, 10**12) for _ in range(3)])
    spec = random_spec("bcdoxXn%eEfFgGs")
    rows.append(("int", v, spec, outcome(lambda: format(v, spec))))
for _ in range(2500):
    v = fuzz.choice(FLOATS + [fuzz.uniform(-1e6, 1e6), fuzz.uniform(-1, 1) * 10 ** fuzz.randint(-20, 20)])
    spec = random_spec("eEfFgGn%d")
    rows.append(("float", v.hex() if v == v else "nan", spec, outcome(lambda: format(v, spec))))
for _ in range(700):
    v = fuzz.choice(STRS)
    spec = random_spec("sd")
    rows.append(("str", v, spec, outcome(lambda: format(v, spec))))
write("format_spec.tsv", rows)

# -- %-formatting ---------------------------------------------------------------
class Weird:
    def __str__(self):
        return "weird-str"

    def __repr__(self):
        return "<Weird é>"


P_FORMATS = ["%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%x", "%#x", "%X", "%#X", "%o", "%#o",
             "%.3d", "%+.3d", "%#010x", "%c", "%i", "%u", "%s", "%r", "%a", "%5s", "%-5s|", "%.1s",
             "%e", "%f", "%g", "%.2f", "%10.3f", "%-10.3f|", "%+010.2f", "%#g", "%G", "%E", "%F",
             "%#.0f", "%.0e", "% 08.2f", "%-+8d|", "%#-8x|", "%ld", "%hd", "%Lf", "%08s", "%#08o",
             "%.0f", "%.15g", "%.20f", "%5c", "%-3c|", "%010d", "%5.3d", "%-#10.3x|", "%++d", "%- d"]
P_VALUES = [0, 5, -5, 255, -255, 2**63 - 1, -2**63, 65, 0x10FFFF, 1114112, True, 0.0, -0.0, 3.14159,
            -2.5, 1e20, 1e-7, float("inf"), float("nan"), 255.9, "x", "hello", "é", "", None, [1, "a"],
            Weird()]
rows = []


def p_row(fmt, operand, mode, args):
    rows.append([fmt, mode, outcome(lambda: fmt % operand)] + [arg_token(a) for a in args])


for fmt in P_FORMATS:
    for v in P_VALUES:
        if isinstance(v, float) and abs(v) >= 2**63 and fmt.rstrip("|")[-1] in "diu":
            continue  # the VM's ints are 64-bit: int(1e20) is an OverflowError there
        p_row(fmt, (v,), "tuple", [v])
        if not isinstance(v, (tuple, list, dict)):
            p_row(fmt, v, "single", [v])
EXTRA = [("%s and %s", ("a", 1)), ("%d%%", (50,)), ("%%", ()), ("%s %s", (1,)), ("%s", (1, 2)),
         ("abc", ()), ("%*d", (5, 3)), ("%*d", (-5, 3)), ("%.*f", (2, 3.14159)), ("%.*f", (-2, 3.14159)),
         ("%*.*f", (10, 3, 2.5)), ("%*d", ("x", 3)), ("%.*f", (1.5, 2.0)), ("%5%", ()), ("%5%", (1,)),
         ("%", ()), ("%5", (1,)), ("%.", (1,)), ("%y", (1,)), ("%ж", (1,)), ("é%y", (1,)), ("%(a)s", (5,)),
         ("%s %r %a", ("é", "é", "é")), ("%-*s|", (6, "ab")), ("%c%c", (104, "i")), ("%c", ("ab",)),
         ("%c", (3.0,)), ("%c", (-1,)), ("%d", ("x",)), ("%x", (1.5,)), ("%f", ("x",)),
         ("%d", (float("inf"),)), ("%d", (-9.2e18,)), ("%d", (float("nan"),)), ("%e", (None,)), ("%o", (None,)),
         ("x%sy%sz", ("1", "2")), ("%5.2s|", ("abc",)), ("%.0s|", ("abc",)), ("%s", ((),)),
         ("%3$s", (1,)), ("%*", (5,)), ("%.*", (5,)), ("%#.3o", (8,)), ("%#.5X", (255,))]
for fmt, operand in EXTRA:
    p_row(fmt, operand, "tuple", list(operand))
for _ in range(1500):
    flags = "".join(fuzz.choice("-+ #0") for _ in range(fuzz.randint(0, 3)))
    width = fuzz.choice(["", "", str(fuzz.randint(0, 15)), "*"])
    precision = fuzz.choice(["", "", "." + str(fuzz.randint(0, 12)), ".*", "."])
    conversion = fuzz.choice("diouxXeEfFgGcsra")
    fmt = "%" + flags + width + precision + conversion + "|"
    v = fuzz.choice(P_VALUES[:-3] + [fuzz.randint(-10**6, 10**6), fuzz.uniform(-1e5, 1e5)])
    if isinstance(v, float) and abs(v) >= 2**63 and conversion in "diu":
        continue
    args = [v]
    if width == "*":
        args.insert(0, fuzz.randint(-12, 12))
    if precision == ".*":
        args.insert(len(args) - 1, fuzz.randint(-3, 12))
    p_row(fmt, tuple(args), "tuple", args)
p_row("abc", [], "mapping-single", [[]])
p_row("abc", 5, "single", [5])
p_row("%s", [1, "a"], "mapping-single", [[1, "a"]])
write("percent.tsv", rows)

MAP_CASES = [("%(a)s-%(b)d", {"a": "x", "b": 5}), ("%(a)5.1f|", {"a": 2.25}), ("%(x)r %(x)s", {"x": "é"}),
             ("%(a)s %s", {"a": 1}), ("%(a", {"a": 1}), ("%(a(b))s", {"a(b)": "nested"}),
             ("%()s", {"": "empty"}), ("%(a)-6d|", {"a": 42}), ("%(a)s %(a)s", {"a": [1]}),
             ("plain", {"a": 1}), ("%(a)*d", {"a": 1})]
rows = []
for fmt, mapping in MAP_CASES:
    rows.append([fmt, outcome(lambda: fmt % mapping)] + [f"{k}={arg_token(v)}" for k, v in mapping.items()])
write("percent_mapping.tsv", rows)

# -- str.format -------------------------------------------------------------------
def structure(template):
    """The parse as CPython's _string module reports it, one token a piece."""
    out = []
    for literal, name, spec, conversion in _string.formatter_parser(template):
        if literal:
            out.append("L" + literal)
        if name is not None:
            first, rest = _string.formatter_field_name_split(name)
            parts = [("#" + str(first)) if isinstance(first, int) else ("=" + first)]
            for is_attr, key in rest:
                parts.append(("." if is_attr else "[") + (("#" + str(key)) if isinstance(key, int) else key))
            out.append("F" + "".join(parts) + "!" + (conversion or "") + ":" + spec)
    return out


TEMPLATES = ["", "plain", "{}", "{} {}", "{0} {1} {0}", "{a} {b}", "{0.real}", "{0[1]}", "{a[key]}",
             "{a.b.c[0][x].d}", "{0!r}", "{0!s:>10}", "{!a}", "{:>{}}", "{0:{1}.{2}f}", "{x:{w}}",
             "{{}}", "{{{0}}}", "a{{b", "}}c", "{:%Y}", "{0:}", "{ }", "{-1}", "{00}", "{0[]}",
             "{0[a]b}", "{0.}", "{0..a}", "{", "}", "a}b", "{0", "{0!", "{0!x}", "{0!rr}", "{0!r", "{0:",
             "{0:{", "{a{b}", "{0[}", "{0[0}]}", "{} {0}", "{0} {}", "{:{:{}}}", "{:{}}{}", "é{0}ж",
             "{0:é^5}", "{a b}", "{0!s:{1}}", "{:{{}}}", "{0[1][2]}", "{0]}", "{!r}", "{0!}",
             "{0:{1}}{2}", "{99999999999999999999999}", "{0[99999999999999999999999]}", "{.a}", "{[0]}"]
class Dummy:
    """Any attribute, any item, formats as nothing: only template errors remain."""

    def __format__(self, spec):
        return ""

    def __repr__(self):
        return "D"  # not the default, which shows a memory address

    def __getattr__(self, name):
        return self

    def __getitem__(self, key):
        return self


# Random templates over the characters that matter to the parser.
for _ in range(1500):
    TEMPLATES.append("".join(fuzz.choice("{{{}}}[].!:0a1rsx ") for _ in range(fuzz.randint(1, 12))))
rows = []
for t in TEMPLATES:
    names = {name: Dummy() for name in re.findall(r"[^{}.\[\]!:]+", t)}
    rows.append([t, outcome(lambda: "\x1e".join(structure(t))),
                 outcome(lambda: t.format(*[Dummy()] * 10, **names))])
write("str_format_parse.tsv", rows)

RENDER_ARGS = ([42, 3.5, "ab", -7], {"w": 8, "p": 2, "name": "Ada", "x": 1.25})
RENDER = ["{} {} {} {}", "{0}{0}", "{2}{1}{0}", "{name}", "{name!r}", "{name:>{w}}", "{1:{w}.{p}f}",
          "{:{}}", "{0:+05d} {1:e}", "{x:.1%}", "{2!r:^9}", "{3:x}", "{4}", "{nope}", "{0:d} {1:d}",
          "{:>6}|{:<6}|{:^6}", "{name:{w}}", "{2:{0}}", "{0:,}", "{x!s:>8}", "{x!a}", "{2!a:<8}|",
          "{0:{1}}", "{} {0}", "{0} {}", "{", "ok{}", "{2[0]}", "{2[5]}", "{name[1]}", "{0:{w}{w}}",
          "{w:{p}}", "{1:{x}}", "{:{:{}}}", "{2:x}", "{!q}", "{name.nope}"]
for _ in range(600):
    pieces = []
    for _ in range(fuzz.randint(1, 3)):
        name = fuzz.choice(["", "", "0", "1", "2", "3", "w", "name", "x", "9", "2[1]"])
        conversion = fuzz.choice(["", "", "", "!r", "!s", "!a"])
        spec = random_spec("sdfegx%") if fuzz.random() < 0.7 else ""
        if fuzz.random() < 0.15:
            spec = spec + "{" + fuzz.choice(["", "w", "p"]) + "}"
        pieces.append(fuzz.choice(["", "-", "é "]) + "{" + name + conversion + (":" + spec if spec else "") + "}")
    RENDER.append("".join(pieces))
rows = []
for t in RENDER:
    args, kwargs = RENDER_ARGS
    try:
        res = t.format(*args, **kwargs)
    except Exception as e:  # noqa: BLE001
        res = f"!{type(e).__name__}: {e}"
    rows.append([t, res])
write("str_format_render.tsv", rows)

# -- random -------------------------------------------------------------------------
rows = []
SEEDS = [("int", 0), ("int", 1), ("int", 42), ("int", 12345), ("int", 2**40), ("int", -5), ("int", 2**63 - 1),
         ("int", 2**32), ("int", 2**32 - 1), ("int", -2**63), ("str", "hello"), ("str", ""), ("str", "é"),
         ("bytes", b"abc"), ("bytes", b"\x00\x00\x01"), ("str", "x" * 200)]
for kind, seed in SEEDS:
    r = random.Random()
    r.seed(seed)
    rows.append(["seed", kind, seed.hex() if kind == "bytes" else seed])

    def op(name, *args):
        fn = getattr(r, name)
        res = outcome(lambda: fn(*args))
        if isinstance(res, float):
            res = res.hex()
        rows.append(["op", name, " ".join(map(str, args)), res])

    for _ in range(5):
        op("random")
    for k in [0, 1, 5, 31, 32, 33, 53, 64, -1]:
        op("getrandbits", k)
    op("randrange", 10)
    op("randrange", 0)
    op("randrange", -5, 17, 3)
    op("randrange", 100, 0, -7)
    op("randrange", 3, 3)
    op("randrange", 5, 3)
    op("randrange", 0, 10, 0)
    op("randrange", 0, 10, -1)
    op("randrange", -2**63, 2**63 - 1)
    for _ in range(10):
        op("randint", 1, 6)
    op("randint", -10**12, 10**12)
    op("randint", 0, 2**62)
    op("randint", 5, 4)
    op("randint", 7, 7)
    op("uniform", 1.5, 3.25)
    op("uniform", 10.0, -2.0)
    # choice over range(n) is the chosen index
    for n in [1, 7, 1000, 0]:
        res = outcome(lambda: r.choice(range(n)))
        rows.append(["op", "choice", str(n), res])
    for n in [0, 1, 2, 10, 52]:
        items = list(range(n))
        r.shuffle(items)
        rows.append(["op", "shuffle", str(n), " ".join(map(str, items))])
    for n, k in [(10, 3), (100, 10), (1000, 5), (50, 50), (30, 20), (10000, 100), (5, 6), (5, -1), (0, 0),
                 (21, 5), (22, 5), (45, 6), (46, 6), (2000, 1000)]:
        res = outcome(lambda: r.sample(range(n), k))
        rows.append(["op", "sample", f"{n} {k}", res if isinstance(res, str) else " ".join(map(str, res))])
    op("random")
write("random.tsv", rows)

if STALE:
    print("out of date:", ", ".join(STALE), "- rerun tests/format/gen_data.py")
    sys.exit(1)
