#!/usr/bin/env python3
"""Write cases.json: [conf] values and what Conan 1.65.0 makes of them.

    PYTHONPATH=/work/oracle/conan:/work/oracle/semver /usr/bin/python3 gen.py

Each input is used as the value of the line `user.a:b=<input>` of a profile
[conf] section; the output is ConfDefinition.dumps() after loads(), or the
error message. The inputs are the hand-written ones of inputs.json plus
random token soups (fixed seed) that exercise the eval() emulation.
"""
import json, os, random, sys, io, contextlib

from conans.model.conf import ConfDefinition
from conans.errors import ConanException

HERE = os.path.dirname(os.path.abspath(__file__))

TOKENS = [
    "0", "1", "2", "10", "007", "00", "0x1f", "0o17", "0b101", "1_000", "1__0", "1_", "3.14", ".5",
    "5.", "1e3", "1E-3", "2e", "1e400", "0.1", "1j", "12345678901234567890", "9" * 30,
    "'a'", '"b"', "'it''s'", '"x\\ty"', "'\\x41'", "'\\u00e9'", "'\\101'", "'\\q'", "r'\\n'",
    "b'xy'", "B'\\xff'", "u'u'", "f'f'", "f'{x}'", "'''t'''", '"unterminated', "'\\N{DASH}'",
    "''", '""', "'é'", "'\\x1'", "rb'\\x00'",
    "True", "False", "None", "...", "len", "str", "os", "foo", "x86_64", "linux", "gnu", "ninja",
    "Ninja", "Release", "_ConfDefinition__v", "__name__", "__doc__", "__debug__", "exit", "print",
    "not", "and", "or", "in", "is", "if", "else", "for", "lambda", "import",
    "+", "-", "*", "/", "//", "%", "**", "~", "<", ">", "==", "!=", "<=", ">=", "&", "|", "^",
    "<<", ">>", "@", "=", ":", ";", ".", ",", "(", ")", "[", "]", "{", "}", "#", "$", "?", "\\",
    "!", " ", " ", " ", "\t", "/usr/bin", "C:", "-O2", "-j4", "3.25.0",
]


def soup(rng):
    n = rng.randint(1, 6)
    parts = [rng.choice(TOKENS) for _ in range(n)]
    sep = rng.choice(["", " ", ""])
    return sep.join(parts)


def structured(rng, depth=0):
    kind = rng.randint(0, 9 if depth < 3 else 4)
    atoms = ["1", "-2", "3.5", "0", "True", "None", "'s'", '"d"', "x", "len", "[]", "()", "{}", "1e20",
             "0.1", "2**3", "'a'*2", "b'b'"]
    if kind <= 4:
        return rng.choice(atoms)
    if kind == 5:
        return "[" + ", ".join(structured(rng, depth + 1) for _ in range(rng.randint(0, 3))) + "]"
    if kind == 6:
        items = [structured(rng, depth + 1) for _ in range(rng.randint(0, 3))]
        return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
    if kind == 7:
        return "{" + ", ".join("%s: %s" % (structured(rng, depth + 1), structured(rng, depth + 1))
                               for _ in range(rng.randint(0, 3))) + "}"
    if kind == 8:
        op = rng.choice(["+", "-", "*", "/", "//", "%", "**", "==", "<", "and", "or", "in", "&", "|", "^", "<<", ">>"])
        return "%s %s %s" % (structured(rng, depth + 1), op, structured(rng, depth + 1))
    return rng.choice(["-", "+", "not ", "~"]) + structured(rng, depth + 1)


def evaluate(value):
    c = ConfDefinition()
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            c.loads("user.a:b=" + value, profile=True)
        return {"out": c.dumps()}
    except ConanException as e:
        return {"error": str(e)}
    except Exception as e:  # not reachable through Conan's own handling
        return {"crash": "%s: %s" % (type(e).__name__, e)}


def main():
    with open(os.path.join(HERE, "inputs.json"), encoding="utf-8") as f:
        inputs = json.load(f)
    rng = random.Random(1)
    seen = set(inputs)
    for gen in (soup, structured):
        count = 0
        while count < 1500:
            s = gen(rng)
            if s in seen or "\n" in s:
                continue
            seen.add(s)
            inputs.append(s)
            count += 1
    cases = []
    for value in inputs:
        r = evaluate(value)
        r["in"] = value
        cases.append(r)
    with open(os.path.join(HERE, "cases.json"), "w", encoding="utf-8") as f:
        json.dump(cases, f, ensure_ascii=True, indent=0)
        f.write("\n")
    print(len(cases), "cases")


if __name__ == "__main__":
    main()
