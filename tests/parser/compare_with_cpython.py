#!/usr/bin/env python3
"""Checks Loopscope's parser against CPython 3.11 on real files.

For every .py file under the given paths, CPython's verdict is computed in-process:
- if compile() succeeds, CPython's `ast` tree is printed in the compact s-expression format
  of Loopscope's dumpAst() (engine/ast.cpp) and must equal `parse_tool FILE`'s dump;
- if compile() raises SyntaxError, parse_tool must report the same type, message and line.

Errors that CPython's symbol table raises (nonlocal/global bookkeeping) are left to Loopscope's
symtable and compiler, so they are listed in SYMTABLE_MESSAGES and skipped here.

usage: compare_with_cpython.py PARSE_TOOL PATH...
"""

import ast
import os
import subprocess
import sys
import warnings

SYMTABLE_MESSAGES = ("is used prior to global declaration", "is assigned to before",
                     "no binding for nonlocal", "nonlocal declaration not allowed",
                     "is parameter and", "annotated name")

CONTEXT = {ast.Store: "Store", ast.Del: "Del"}


def quoted(value, is_bytes):
    """Python-repr-like quoting, exactly as the C++ dumper writes it (text stays UTF-8)."""
    table = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\t": "\\t", "\r": "\\r"}
    chars = [chr(c) for c in value] if is_bytes else list(value)
    out = []
    for ch in chars:
        code = ord(ch)
        if ch in table:
            out.append(table[ch])
        elif code < 0x20 or code == 0x7F or (is_bytes and code >= 0x80):
            out.append("\\x%02x" % code)
        else:
            out.append(ch)
    return ("b'" if is_bytes else "'") + "".join(out) + "'"


def float_text(value):
    return repr(value)


def const(value):
    if value is None:
        return "None"
    if value is True:
        return "True"
    if value is False:
        return "False"
    if value is Ellipsis:
        return "..."
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return float_text(value)
    if isinstance(value, complex):
        raise ValueError("complex literals are outside the subset")
    if isinstance(value, bytes):
        return quoted(value, True)
    return quoted(value, False)


def exprs(items):
    return "[" + " ".join(expr(e) for e in items) + "]"


def stmts(items):
    return "[" + " ".join(stmt(s) for s in items) + "]"


def ctx_suffix(node):
    name = CONTEXT.get(type(getattr(node, "ctx", None)))
    return " " + name if name else ""


def keywords(items):
    return "{" + " ".join(("**" if k.arg is None else k.arg + "=") + expr(k.value) for k in items) + "}"


def arg(a):
    return a.arg + (":" + expr(a.annotation) if a.annotation else "")


def arguments(a):
    out = "(args"
    positional = a.posonlyargs + a.args
    first_default = len(positional) - len(a.defaults)
    for index, p in enumerate(positional):
        out += " " + arg(p)
        if index >= first_default:
            out += "=" + expr(a.defaults[index - first_default])
        if a.posonlyargs and index == len(a.posonlyargs) - 1:
            out += " /"
    if a.vararg:
        out += " *" + arg(a.vararg)
    elif a.kwonlyargs:
        out += " *"
    for p, default in zip(a.kwonlyargs, a.kw_defaults):
        out += " " + arg(p) + ("=" + expr(default) if default is not None else "")
    if a.kwarg:
        out += " **" + arg(a.kwarg)
    return out + ")"


def comprehension(name, elt, value, generators):
    out = "(" + name + " " + expr(elt)
    if value is not None:
        out += " " + expr(value)
    for g in generators:
        out += (" (async-for " if g.is_async else " (for ") + expr(g.target) + " " + expr(g.iter)
        for cond in g.ifs:
            out += " if " + expr(cond)
        out += ")"
    return out + ")"


def expr(e):
    if e is None:
        return "_"
    t = type(e).__name__
    if t == "Constant":
        return "(Constant " + const(e.value) + ")"
    if t == "Name":
        return "(Name " + e.id + ctx_suffix(e) + ")"
    if t == "Attribute":
        return "(Attribute " + expr(e.value) + " " + e.attr + ctx_suffix(e) + ")"
    if t == "Subscript":
        return "(Subscript " + expr(e.value) + " " + expr(e.slice) + ctx_suffix(e) + ")"
    if t == "Slice":
        return "(Slice " + expr(e.lower) + " " + expr(e.upper) + " " + expr(e.step) + ")"
    if t == "Call":
        out = "(Call " + expr(e.func) + " " + exprs(e.args)
        if e.keywords:
            out += " " + keywords(e.keywords)
        return out + ")"
    if t == "UnaryOp":
        return "(UnaryOp " + type(e.op).__name__ + " " + expr(e.operand) + ")"
    if t == "BinOp":
        return "(BinOp " + type(e.op).__name__ + " " + expr(e.left) + " " + expr(e.right) + ")"
    if t == "BoolOp":
        return "(BoolOp " + type(e.op).__name__ + " " + exprs(e.values) + ")"
    if t == "Compare":
        out = "(Compare " + expr(e.left)
        for op, right in zip(e.ops, e.comparators):
            out += " " + type(op).__name__ + " " + expr(right)
        return out + ")"
    if t == "Lambda":
        return "(Lambda " + arguments(e.args) + " " + expr(e.body) + ")"
    if t == "IfExp":
        return "(IfExp " + expr(e.test) + " " + expr(e.body) + " " + expr(e.orelse) + ")"
    if t in ("List", "Tuple"):
        return "(" + t + " " + exprs(e.elts) + ctx_suffix(e) + ")"
    if t == "Set":
        return "(Set " + exprs(e.elts) + ")"
    if t == "Dict":
        parts = [("**" if k is None else expr(k) + ": ") + expr(v) for k, v in zip(e.keys, e.values)]
        return "(Dict [" + " ".join(parts) + "])"
    if t in ("ListComp", "SetComp", "GeneratorExp"):
        return comprehension(t, e.elt, None, e.generators)
    if t == "DictComp":
        return comprehension(t, e.key, e.value, e.generators)
    if t in ("Await", "Yield", "YieldFrom"):
        return "(" + t + ")" if e.value is None else "(" + t + " " + expr(e.value) + ")"
    if t == "NamedExpr":
        return "(NamedExpr " + expr(e.target) + " " + expr(e.value) + ")"
    if t == "Starred":
        return "(Starred " + expr(e.value) + ctx_suffix(e) + ")"
    if t == "JoinedStr":
        return "(JoinedStr " + exprs(e.values) + ")"
    if t == "FormattedValue":
        out = "(FormattedValue " + expr(e.value)
        if e.conversion != -1:
            out += " !" + chr(e.conversion)
        if e.format_spec is not None:
            out += " " + expr(e.format_spec)
        return out + ")"
    raise ValueError("unknown expression " + t)


def body_with_else(name, head, body, orelse):
    out = "(" + name + " " + head + " " + stmts(body)
    if orelse:
        out += " " + stmts(orelse)
    return out + ")"


def stmt(s):
    t = type(s).__name__
    if t == "Expr":
        return "(Expr " + expr(s.value) + ")"
    if t == "Assign":
        return "(Assign " + exprs(s.targets) + " " + expr(s.value) + ")"
    if t == "AugAssign":
        return "(AugAssign " + expr(s.target) + " " + type(s.op).__name__ + " " + expr(s.value) + ")"
    if t == "AnnAssign":
        return "(AnnAssign " + expr(s.target) + " " + expr(s.annotation) + " " + expr(s.value) + ")"
    if t in ("If", "While"):
        return body_with_else(t, expr(s.test), s.body, s.orelse)
    if t in ("For", "AsyncFor"):
        return body_with_else(t, expr(s.target) + " " + expr(s.iter), s.body, s.orelse)
    if t in ("Break", "Continue", "Pass"):
        return "(" + t + ")"
    if t == "Return":
        return "(Return)" if s.value is None else "(Return " + expr(s.value) + ")"
    if t in ("FunctionDef", "AsyncFunctionDef"):
        out = "(" + t + " " + s.name + " " + arguments(s.args) + " " + stmts(s.body)
        if s.decorator_list:
            out += " @" + exprs(s.decorator_list)
        if s.returns:
            out += " -> " + expr(s.returns)
        return out + ")"
    if t == "ClassDef":
        out = "(ClassDef " + s.name + " " + exprs(s.bases)
        if s.keywords:
            out += " " + keywords(s.keywords)
        out += " " + stmts(s.body)
        if s.decorator_list:
            out += " @" + exprs(s.decorator_list)
        return out + ")"
    if t in ("Try", "TryStar"):
        handlers = " ".join("(ExceptHandler " + expr(h.type) + " " + (h.name or "_") + " " + stmts(h.body) + ")"
                            for h in s.handlers)
        return "(" + t + " " + stmts(s.body) + " [" + handlers + "] " + stmts(s.orelse) + " " + stmts(s.finalbody) + ")"
    if t == "Raise":
        return "(Raise " + expr(s.exc) + " " + expr(s.cause) + ")"
    if t in ("With", "AsyncWith"):
        items = " ".join("(withitem " + expr(i.context_expr) + " " + expr(i.optional_vars) + ")" for i in s.items)
        return "(" + t + " [" + items + "] " + stmts(s.body) + ")"
    if t in ("Global", "Nonlocal"):
        return "(" + t + " " + " ".join(s.names) + ")"
    if t == "Delete":
        return "(Delete " + exprs(s.targets) + ")"
    if t == "Assert":
        return "(Assert " + expr(s.test) + " " + expr(s.msg) + ")"
    if t == "Import":
        return "(Import " + " ".join(a.name + (" as " + a.asname if a.asname else "") for a in s.names) + ")"
    if t == "ImportFrom":
        names = " ".join(a.name + (" as " + a.asname if a.asname else "") for a in s.names)
        return "(ImportFrom " + (s.module or "") + " " + names + ")"
    raise ValueError("unknown statement " + t)


def dump(tree):
    return "\n".join(stmt(s) for s in tree.body)


def expectation(path):
    """CPython's verdict: ("OK", dump) or ("ERROR", "Type|message|line"), or None to skip."""
    with open(path, "rb") as f:
        data = f.read()
    try:
        source = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    try:
        tree = compile(source, path, "exec", ast.PyCF_ONLY_AST)
        compile(tree, path, "exec")
    except SyntaxError as e:
        if any(m in e.msg for m in SYMTABLE_MESSAGES):
            return None
        if e.lineno is None:
            return None  # compile() of a string with NUL bytes names no line; a file's run does
        return ("ERROR", "%s|%s|%d" % (type(e).__name__, e.msg, e.lineno))
    except (ValueError, RecursionError, MemoryError):
        return None
    try:
        return ("OK", dump(tree))
    except ValueError:
        return None  # a construct outside the subset (match, ...), refused by Loopscope


def main():
    warnings.simplefilter("ignore")  # CPython's SyntaxWarnings are not under test here
    tool = sys.argv[1]
    failures = checked = skipped = 0
    paths = []
    for root in sys.argv[2:]:
        if os.path.isfile(root):
            paths.append(root)
        for directory, _, files in os.walk(root):
            paths.extend(os.path.join(directory, n) for n in sorted(files) if n.endswith(".py"))
    for path in paths:
        expected = expectation(path)
        if expected is None:
            skipped += 1
            continue
        result = subprocess.run([tool, path], capture_output=True, text=True, errors="replace")
        if result.returncode not in (0, 1):
            print("CRASH (%d): %s" % (result.returncode, path))
            failures += 1
            continue
        kind, text = expected
        got = result.stdout.rstrip("\n")
        if kind == "OK":
            ok = result.returncode == 0 and got == text
        else:
            ok = result.returncode == 1 and "|".join(got.split("|")[:3]) == text
        checked += 1
        if not ok:
            failures += 1
            print("MISMATCH: %s\n  CPython:   %s\n  Loopscope: %s" % (path, text[:400], got[:400]))
    print("%d files checked, %d skipped, %d mismatches" % (checked, skipped, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
