# json.dumps and json.loads as CPython formats and parses: separators, indent, sort_keys,
# ensure_ascii, special floats, default=, nesting, and the decoding errors.
import json

data = {"name": "Ada", "tags": ["x", "y"], "n": 3, "f": 0.1 + 0.2, "ok": True, "none": None, "nested": {"a": [1, {"b": 2}]}}
print(json.dumps(data))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, separators=(",", ":")), json.dumps([1, 2], indent="\t"))
print(json.dumps("caf\u00e9 \u2603 \U0001f600 \"q\" \\ \n\t\x01"), json.dumps("caf\u00e9", ensure_ascii=False))
print(json.dumps([float("nan"), float("inf"), -float("inf"), 1e100, 10 ** 30, -0.0, (1, 2), {}, []]))
print(json.dumps({1: "a", 2.5: "b", True: "c", None: "d"}), json.dumps({"b": 1, "a": 2}, sort_keys=True))
print(json.dumps({"when": complex if False else "x"}, default=str), json.dumps(set([3]), default=sorted))
for bad in (lambda: json.dumps(object()), lambda: json.dumps({(1, 2): 3}), lambda: json.dumps(float("nan"), allow_nan=False)):
    try:
        bad()
    except (TypeError, ValueError) as error:
        print(type(error).__name__, str(error).split(" at 0x")[0])
text = '{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "d\\u00e9\\n"}, "e": "\\ud83d\\ude00"}'
print(json.loads(text), json.loads("  [ ]  "), json.loads('"x"'), json.loads("12345678901234567890"))
print(json.loads(text, object_hook=lambda d: sorted(d)), json.loads("[1.5]", parse_float=str), json.loads("NaN"))
for doc in ("", "[1, 2", '{"a" 1}', '{"a": 1,}', "[1] x", '{1: 2}', '"abc', '["\\q"]', "tru"):
    try:
        json.loads(doc)
    except json.JSONDecodeError as error:
        print(f"{error.msg!r} at line {error.lineno} col {error.colno} pos {error.pos}: {error}")

# expect: {"name": "Ada", "tags": ["x", "y"], "n": 3, "f": 0.30000000000000004, "ok": true, "none": null, "nested": {"a": [1, {"b": 2}]}}
# expect: {
# expect:   "f": 0.30000000000000004,
# expect:   "n": 3,
# expect:   "name": "Ada",
# expect:   "nested": {
# expect:     "a": [
# expect:       1,
# expect:       {
# expect:         "b": 2
# expect:       }
# expect:     ]
# expect:   },
# expect:   "none": null,
# expect:   "ok": true,
# expect:   "tags": [
# expect:     "x",
# expect:     "y"
# expect:   ]
# expect: }
# expect: {"name":"Ada","tags":["x","y"],"n":3,"f":0.30000000000000004,"ok":true,"none":null,"nested":{"a":[1,{"b":2}]}} [
# expect: 	1,
# expect: 	2
# expect: ]
# expect: "caf\u00e9 \u2603 \ud83d\ude00 \"q\" \\ \n\t\u0001" "café"
# expect: [NaN, Infinity, -Infinity, 1e+100, 1000000000000000000000000000000, -0.0, [1, 2], {}, []]
# expect: {"1": "c", "2.5": "b", "null": "d"} {"a": 2, "b": 1}
# expect: {"when": "x"} [3]
# expect: TypeError Object of type object is not JSON serializable
# expect: TypeError keys must be str, int, float, bool or None, not tuple
# expect: ValueError Out of range float values are not JSON compliant
# expect: {'a': [1, 2.5, -300.0, True, False, None], 'b': {'c': 'dé\n'}, 'e': '😀'} [] x 12345678901234567890
# expect: ['a', 'b', 'e'] ['1.5'] nan
# expect: 'Expecting value' at line 1 col 1 pos 0: Expecting value: line 1 column 1 (char 0)
# expect: "Expecting ',' delimiter" at line 1 col 6 pos 5: Expecting ',' delimiter: line 1 column 6 (char 5)
# expect: "Expecting ':' delimiter" at line 1 col 6 pos 5: Expecting ':' delimiter: line 1 column 6 (char 5)
# expect: 'Expecting property name enclosed in double quotes' at line 1 col 9 pos 8: Expecting property name enclosed in double quotes: line 1 column 9 (char 8)
# expect: 'Extra data' at line 1 col 5 pos 4: Extra data: line 1 column 5 (char 4)
# expect: 'Expecting property name enclosed in double quotes' at line 1 col 2 pos 1: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)
# expect: 'Unterminated string starting at' at line 1 col 1 pos 0: Unterminated string starting at: line 1 column 1 (char 0)
# expect: 'Invalid \\escape' at line 1 col 3 pos 2: Invalid \escape: line 1 column 3 (char 2)
# expect: 'Expecting value' at line 1 col 1 pos 0: Expecting value: line 1 column 1 (char 0)
