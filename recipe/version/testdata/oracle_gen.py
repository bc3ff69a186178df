# Generates the expectation tables in this directory from the real thing:
# Conan 1.65.0 and python-node-semver 0.6.1 on CPython 3.11.
#
#   cd recipe/version
#   PYTHONPATH=/work/oracle/conan:/work/oracle/semver /usr/bin/python3 testdata/oracle_gen.py
#
# The Go tests only read the JSON files; they never need Python.
import itertools
import json
import os
import random

from semver import SemVer, Range
from conans.client.graph.range_resolver import satisfying, _parse_versionexpr
from conans.client.tools.version import Version as ToolsVersion
from conans.errors import ConanException
from conans.model.version import Version as ModelVersion
from conan.tools.scm import Version as ScmVersion

HERE = os.path.dirname(os.path.abspath(__file__))


def dump(name, data):
    """Writes data (a dict) with one list element per line."""
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        f.write("{\n")
        for i, key in enumerate(sorted(data)):
            val = data[key]
            f.write(json.dumps(key) + ": ")
            if isinstance(val, list) and val:
                f.write("[\n")
                f.write(",\n".join(json.dumps(x, ensure_ascii=False, sort_keys=True) for x in val))
                f.write("\n]")
            else:
                f.write(json.dumps(val, ensure_ascii=False, sort_keys=True))
            f.write(",\n" if i < len(data) - 1 else "\n")
        f.write("}\n")


def exc(e):
    return {"type": type(e).__name__, "msg": str(e)}


# Candidate versions for ranges: what a cache may hold, plus what node-semver
# parses in surprising ways.
RANGE_VERSIONS = [
    "0", "0.0", "0.0.0", "0.0.1", "0.0.3", "0.0.3-beta", "0.0.4", "0.1", "0.1.0",
    "0.1.2", "0.2.0", "0.2.3", "0.2.5", "0.3.0", "1", "1.0", "1.0.0", "1.0.0.0",
    "1.0.1", "1.0.2", "1.1", "1.1.1", "1.1.1.20", "1.1.1t", "1.2", "1.2.0",
    "1.2.0-rc1", "1.2.3", "1.2.3.4", "1.2.3-0", "1.2.3-01", "1.2.3-alpha",
    "1.2.3-alpha.1", "1.2.3-alpha.beta", "1.2.3-beta", "1.2.3-beta.2",
    "1.2.3-beta.11", "1.2.3-rc.1", "1.2.3+build", "1.2.3+build.5", "1.2.3-rc1+b",
    "1.2.4", "1.2.4-pre", "1.2.8", "1.2.11", "1.2.12", "1.2.13", "1.3", "1.3.0",
    "1.3.0-rc1", "1.3.5", "1.10", "1.10.0", "2", "2.0", "2.0.0", "2.0.0-rc1",
    "2.0.1", "2.1.1", "2.5", "3.0.8", "3.1.0", "9", "9.0.0", "9.1.0", "10.0.0",
    "v1.2.3", "=1.2.3", "v1.2", "01.2.3", "1.02.3", "01.2", "001", "1.2.3.4.5",
    "1.2-rc1", "1.2rc1", "1.2.3rc1", "1-beta", "1.2.3-", "1.2.3--x", "1.2.3.4-5",
    "cci.20210118", "system", "latest", "1.a", "1.0.a", "a.b.c", "20230125.1",
    "5.4.0", "1.2.3-pre+b", "1.2.3-x-y", "1.2.3a", "1.2.3.a", "1.2.3.4+b",
]

OPS = ["", "=", ">", ">=", "<", "<=", "~", "~>", "^", "~=", "==", ">==", "=>", "=<", "<>"]
OPERANDS = [
    "1", "1.2", "1.2.3", "1.x", "1.2.x", "1.X", "1.*", "*", "x", "0", "0.0", "0.0.3",
    "0.2", "0.2.3", "1.2.3-beta", "0.0.3-beta", "1.2.*", "v1.2.3", "01.2", "1.2.3.4",
    "00.1.2", "1.2.3+b", "1.2-rc1", "1.2.3--x", "0.x", "0.0.x", "2", "1.2.3beta",
]

EXTRA_EXPRS = [
    "", " ", "*", "x", "X", "**", "* *", ">1.0 <2.0", ">1.0  <2.0", "> 1.0 < 2.0",
    ">=1.0, <2.0", ">=1.0,<2.0", ">1.2.8,<1.3", ">1.0,", ",>1.0", ",", ", ,", "1.0, 2.0",
    "1.0, 2.0, 3.0", ">1.0, loose=False", ">1.0, loose=True", ">1.0,loose=False",
    ">1.0, loose = False", "~1.2, include_prerelease=True",
    "~1.2, include_prerelease=False", ">1.0, <2.0, loose=False",
    ">1.0, <2.0, include_prerelease=True, loose=False",
    ">1.0, include_prerelease=True, loose=False, loose=True", "a,b,c,d,e",
    ">1, >2, >3, >4", "loose=False", "include_prerelease=True", ">1.0, loose=false",
    ">1.0, Loose=False", ">1.0, foo=bar", ">1.0, loose=False, >2.0", "1.2 || 2.x",
    "1.2||2.x", "1.2 ||2.x", "1.0 ||", "|| 1.0", "||", "1.0 || latest", "latest",
    "latest foo", "1.2 foo", "foo 1.2", ">=1.2.3-pre", ">=1.2.3-beta <1.2.4",
    "^1.2.3-beta", "~1.2.3-beta", "1.2.3 - 2.3.4", "1.2 - 2.3.4", "1.2.3 - 2.3",
    "1.2.3 - 2", "1 - 2", "* - 2", "1.2.3 - *", "1.2.3 - 2.0.0-rc1", "1.2.3 -2.3.4",
    "1.2.3- 2.3.4", "1.2.3 - 2.3.4 - 3", "v1.2.3 - v2.3.4", "1.2.3+b - 2.3.4+c",
    "~ 1.2", "^ 1.2", "~> 1.2", "> =1.2", ">= 1.2.3", "< 1.2.3", "~1.2 ^1.3",
    ">1.2.3 <=1.2.3", ">1.x <3", "<=1.x", "<=1.2.x", ">1.2.x", "<1.x", ">=1.x", ">*",
    "<*", ">=*", "<=*", "=*", "~*", "^*", "~x", "^x", "~", "^", ">", "<", ">=", "=",
    "1.2.3-beta.2 || 1.2.3-beta.11", "~1.2.3--x", "^1.2.3--x", "1.2.3-", ">=01.2.3",
    ">=1.02.3", "^00.1.2", "^0.0.3", "^0.0", "^0", "^0.0.x", "~0.0", "1.2.3.4", ">1.2.3.4",
    "1.x || >=2.5.0 || 5.0.0 - 7.2.3", "<1.2.3 || >2.0", "1.2.3 1.2.4", "1.2.3 ~1.2.3",
    "v1.x", "=v1.2", "vv1.2.3", "v=1.2.3", "= 1.2.3", "=  1.2.3", "1.2.3\t<2",
    "1.2.3\n<2", "1.2.3\u00a0<2", "1.2.3\u2003||\u20032.0", ">1.0\u00a0", "\u00a0>1.0",
    "1.2.3-alpha.1 - 1.2.3-beta", "^1.2.3+build", "~1.2.3+build", ">=1.2.3+build",
    "1.2.3+build.1 - 1.2.4", "9" * 30, ">=" + "9" * 30 + ".0.0", "~" + "9" * 30,
    "^" + "9" * 30 + ".1", ">" + "9" * 4299 + ".x", "~" + "9" * 4300 + ".1",
    ">=" + "1" * 4301 + ".0.0", "~>1.2.3", "~>1", "1.2.3.4.5", "^1.2.3.4", "~1.2.3.4",
    ">=1.2.3-rc1+b", "1.*.3", "1.x.3", "x.1.2", "*.1", ">1.*.3", "<=x.1", ">=1.2.3 <1.2.3",
    "<1.0.0-0", ">=0.0.0-0", "*, include_prerelease=True", ", include_prerelease=True",
    "1.2.3 - 1.2.4, include_prerelease=True", "1.2.3-beta, loose=False",
    "^1.2, loose=False", "1.2, loose=False", "v1.2.3, loose=False", "=1.2.3, loose=False",
    "01.2.3, loose=False", "1.2.3.4, loose=False", "1.2.3beta, loose=False",
    "~1.2.3beta, loose=False", "latest 1.2, loose=False", "* , loose=False",
    ", loose=False", "1.2 - 2.3, loose=False", "1.2.3 - 2.3.4, loose=False",
    ">=1.2.3-beta.2, include_prerelease=True", "1.2.3_4", "1.2.3~4", "1.2.3^4",
    "1.2.3|4", "1|2", "1|||2", "1 ||| 2", "||||", "1.2.3 || || 1.3", "!1.2", "1.2!",
    "[1.2]", "(1.2)", "1.2.3 loose", "include_prerelease", "1.2.3 loosely",
    "1.2.3\x0b<2", "1.2.3\x1c||\x1c2.0", ">1.0\x85<2", "\x1f>1.0\x1f", "~\x0b1.2",
    ">1.0,\x1finclude_prerelease=True", ">1.0, loose\u3000=\u3000False", "1.2.3\x00",
]


def range_exprs():
    exprs = []
    for op, operand in itertools.product(OPS, OPERANDS):
        exprs.append(op + operand)
    exprs.extend(EXTRA_EXPRS)
    # strict-mode and prerelease variants of the plain comparators
    for operand in OPERANDS[:20]:
        exprs.append(">=" + operand + ", loose=False")
        exprs.append("~" + operand + ", include_prerelease=True")
        exprs.append("^" + operand + ", loose=False, include_prerelease=True")
    seen = set()
    out = []
    for e in exprs:
        if e not in seen:
            seen.add(e)
            out.append(e)
    return out


def gen_ranges():
    rows = []
    rng = random.Random(1650)
    ref_like = [v for v in RANGE_VERSIONS if not v.startswith(("v", "="))]
    for expr in range_exprs():
        row = {"expr": expr}
        out = []
        try:
            best = satisfying(RANGE_VERSIONS, expr, out)
        except ConanException as e:
            row["error"] = str(e)
            rows.append(row)
            continue
        # Re-derive what ParseRange exposes.
        from conans.client.graph.range_resolver import _parse_versionexpr
        flags = []
        text, loose, incl = _parse_versionexpr(expr, flags)
        r = Range(text, loose)
        row["expr_text"] = text
        row["loose"] = loose
        row["include_prerelease"] = incl
        row["warnings"] = flags
        row["desugared"] = r.range
        m = []
        for v in RANGE_VERSIONS:
            try:
                sv = SemVer(v, loose=loose)
            except ValueError:
                m.append("-")
                continue
            m.append("1" if r.test(sv, include_prerelease=incl) else "0")
        row["matches"] = "".join(m)
        row["best_all"] = best
        row["output_all"] = out
        # "reversed" and "ref_like" are derived from the version list by the
        # Go test; the random samples are spelled out.
        lists = [("reversed", list(reversed(RANGE_VERSIONS))), ("ref_like", ref_like)]
        for _ in range(2):
            k = rng.randint(0, 12)
            lists.append(("", rng.sample(RANGE_VERSIONS, k)))
        row["lists"] = []
        for kind, lst in lists:
            out = []
            best = satisfying(lst, expr, out)
            entry = {"best": best}
            if kind:
                # The output of the derived lists is derived too: the
                # warnings of the range, then one per unparsable version.
                unparsable = {v for v, c in zip(RANGE_VERSIONS, row["matches"]) if c == "-"}
                derived = flags + ["WARN: Version '%s' is not semver, cannot be compared "
                                   "with a range" % v for v in lst if v in unparsable]
                assert out == derived, (expr, out, derived)
                entry["kind"] = kind
            else:
                entry["versions"] = lst
                entry["output"] = out
            row["lists"].append(entry)
        rows.append(row)
    dump("ranges.json", {"versions": RANGE_VERSIONS, "rows": rows})
    return rows


# Strings for the three version classes.
VERSION_STRINGS = RANGE_VERSIONS + [
    "", " ", "1.2.3 ", " 1.2.3", "\t1.2\n", "4", "4.0", "4.0.0", "4.0.0.0", "4.0.1",
    "1.4.rc2", "1.4.0", "1.4", "1.4.rc", "1.4-rc2", "1.4+b", "1.4+a", "1.4.0+a",
    "1.0+b+c", "1.0-a+b", "1.0-a-b", "1+", "+", "+1", "-", "-1", ".", "..", "1..2",
    "1.-2-x", "1.2.", ".1.2", "X", "1.X", "1.Y.Z", "1.2.Z", "0.Y.Z", "Y", "a", "b",
    "A", "1a", "1.1a", "1.2a", "1.10a", "1.9", "1.9a", "1.a.1", "1.a.2", "1.b",
    "abc +b", "abc", "1.0.0-abc", "1_0", "1.1_0", "1._1", "1.+2", "1. 2", "1.2 .3",
    "0.0.0.0.1", "0.1.0.0", "0.0.0.0", "00", "0.00", "007.1", "1.2.3.4.5.6",
    "1.2-3", "1.2-3-4", "1-2-3", "1.2+3", "1.2.3-4.5", "1.2.3-rc.1.2",
    "1.2.3-alpha.1+build.7", "18446744073709551616.0.0", "1.2.3-18446744073709551616",
    "99999999999999999999.1", "1.2.3-99999999999999999999", "1.2.3\n.4", "1.2.3\n",
    "1.2\n.3", "\u0661.\u0662.\u0663", "1.\u00b2", "1.2.3-\u0661a", "1.\u0662",
    "1.2.3-\u0661", "\u00a01.2\u00a0", "1.2\u20033", "1.0.0-Alpha", "1.0.0-alpha",
    "1.0.0-ALPHA", "1.0.0-a-b", "1.0.0-a.b-c", "1.2.3-pre.01", "1.2.3-pre.1",
    "1.2.3-pre.001", "v1.2.3-pre", "=v1.2.3", " v 1.2.3", "v 1.2.3", "V1.2.3",
    "1.2.3-x.y+z.w", "1.2-x.y.z!", "1.2-rc1!!", "1.2.3.4-rc1", "1.2.3.4+b-c",
    "1.2.3.4-5+6", "1.2.3.4.x", "1.2.x", "1.x.3", "0x10", "1e3", "1.0e3", "None",
    "1.0.0.0.0", "1.0.0.0.1", "0.0", "0.0.0.1", "1.2.0.0.0", "2.0-", "2-", "2.0.0-",
    "1" * 4301, "1." + "2" * 4301, "9" * 4300, "1.2.3-" + "4" * 4301, "1.2.3-" + "7" * 4300,
    "\x0b1.2.3", "1.2.3\x1f", "\x851.2\x85", "1.\x1c2", "1. 2", "1.2.3-\x0b",
]


def model_data(s):
    try:
        v = ModelVersion(s)
        al = v.as_list
    except Exception as e:  # ValueError from int()
        return {"input": s, "error": exc(e)}
    d = {
        "input": s,
        "str": str(v),
        "items": [str(i) for i in al],
        "is_num": [isinstance(i, int) for i in al],
        "major": str(v.major()),
        "major_nofill": str(v.major(fill=False)),
        "minor": str(v.minor()),
        "minor_nofill": str(v.minor(fill=False)),
        "patch": str(v.patch()),
        "pre": str(v.pre()),
        "stable": str(v.stable()),
        "build": str(v.build),
        "base": str(v.base),
    }
    return d


def cmp_char(c):
    return {-1: "<", 0: "=", 1: ">", None: "N"}[c]


def gen_model():
    entries = [model_data(s) for s in VERSION_STRINGS]
    ok = [e["input"] for e in entries if "error" not in e and len(e["input"]) < 200]
    matrix = []
    for a in ok:
        va = ModelVersion(a)
        matrix.append("".join(cmp_char(va.__cmp__(ModelVersion(b))) for b in ok))
    compat_pool = [s for s in ok if len(s) < 20][:120]
    compat = []
    for a in compat_pool:
        va = ModelVersion(a)
        compat.append("".join("1" if va.compatible(b) else "0" for b in compat_pool))
    dump("model.json", {"entries": entries, "cmp_inputs": ok, "cmp": matrix,
                        "compat_inputs": compat_pool, "compat": compat})
    return ok


def tools_data(s):
    try:
        v = ToolsVersion(s)
    except ConanException as e:
        return {"input": s, "error": exc(e)}
    return {"input": s, "str": str(v), "major": v.major, "minor": v.minor,
            "patch": v.patch, "prerelease": v.prerelease, "build": v.build}


def semver_data(s, loose):
    try:
        v = SemVer(s, loose=loose)
    except ValueError as e:
        return {"input": s, "loose": loose, "error": True}
    return {"input": s, "loose": loose, "version": v.version, "major": str(v.major),
            "minor": str(v.minor), "patch": str(v.patch),
            "prerelease": [str(x) for x in v.prerelease],
            "pre_is_num": [isinstance(x, int) for x in v.prerelease],
            "build": list(v.build), "micro": [str(x) for x in v.micro_versions]}


def gen_tools():
    entries = [tools_data(s) for s in VERSION_STRINGS]
    ok = [e["input"] for e in entries if "error" not in e and len(e["input"]) < 200]
    matrix = []
    for a in ok:
        va = ToolsVersion(a)
        row = ""
        for b in ok:
            vb = ToolsVersion(b)
            row += "<" if va < vb else ("=" if va == vb else ">")
        matrix.append(row)
    # Comparisons with plain strings, as recipes write them.
    str_cmp = []
    for a in ok[:60]:
        va = ToolsVersion(a)
        for b in ["1.2", "7", "1.2.3-rc1", "not a version", "v2", ""]:
            try:
                r = "<" if va < b else ("=" if va == b else ">")
                str_cmp.append({"a": a, "b": b, "cmp": r})
            except ConanException as e:
                str_cmp.append({"a": a, "b": b, "error": exc(e)})
    sem = [semver_data(s, loose) for s in VERSION_STRINGS for loose in (True, False)]
    dump("tools.json", {"entries": entries, "cmp_inputs": ok, "cmp": matrix,
                        "str_cmp": str_cmp})
    dump("semver.json", {"entries": sem})


def scm_str(v):
    return None if v is None else str(v)


def scm_item(i):
    return None if i is None else [isinstance(i.value, int), str(i)]


def scm_data(s):
    v = ScmVersion(s)
    d = {"input": s, "str": str(v), "main": [scm_item(i) for i in v.main],
         "pre": scm_str(v.pre), "build": scm_str(v.build), "major": scm_item(v.major),
         "minor": scm_item(v.minor), "patch": scm_item(v.patch), "micro": scm_item(v.micro)}
    bumps = {}
    for idx in (range(-3, 4) if len(s) < 200 else (0,)):
        for name in ("bump", "upper_bound"):
            try:
                r = getattr(v, name)(idx)
                bumps["%s %d" % (name, idx)] = {"ok": str(r)}
            except Exception as e:
                bumps["%s %d" % (name, idx)] = {"error": exc(e)}
    d["bumps"] = bumps
    return d


def gen_scm():
    pool = VERSION_STRINGS + ["1.2-rc", "1.2-rc.1", "1.2-rc.2", "1.2-", "1.2-0", "1.3-rc",
                              "1.2+1", "1.2+0", "1.2-rc+1", "1.2-rc+b", "1.2.0-rc", "1.2-rc.0",
                              "1.2-a+b+c", "1.2+b-1", "1.2-1+b-2", " 1.2", "1. 2", "1.2_0",
                              "1.-2", "1.-2-3", "-2-3", "1.0-", "1.0+", "1-0", "1+0",
                              "1.0.0-0+0", "8", "7", "7.0", "10", "1.2.3.4-a.b+c.d"]
    entries = [scm_data(s) for s in pool]
    cmp_pool = [s for s in pool if len(s) < 200]
    eq, lt = [], []
    for a in cmp_pool:
        va = ScmVersion(a)
        eq.append("".join("1" if va == ScmVersion(b) else "0" for b in cmp_pool))
        lt.append("".join("1" if va < ScmVersion(b) else "0" for b in cmp_pool))
    ops = []
    for a in cmp_pool[:80]:
        va = ScmVersion(a)
        for b in ["1.2", "7", "1.2.3-rc1", "1.2-", "", "1.a"]:
            ops.append({"a": a, "b": b, "lt": va < b, "le": va <= b, "gt": va > b,
                        "ge": va >= b, "eq": va == b, "ne": va != b})
    dump("scm.json", {"entries": entries, "cmp_inputs": cmp_pool, "eq": eq, "lt": lt,
                      "ops": ops})


def gen_sort(model_ok):
    rng = random.Random(20240101)
    small = [s for s in model_ok if len(s) < 40]
    # Non-transitive troublemakers, weighted in.
    tricky = ["1", "1.0", "1.0.a", "1.a", "1.0.0", "1.0.0.a", "1.a.1", "a", "1.0+b",
              "1.0+a", "1.0.0+a", "0", "0.a", "1.0-a", "1-a", "1.b", "2", "1.0.b", "b"]
    cases = []
    lengths = [0, 1, 2, 3, 5, 8, 13, 31, 63, 64, 65, 100, 127, 128, 129, 200, 255, 256,
               257, 300, 500, 700, 1000]
    for n in lengths:
        for _ in range(3):
            pool = tricky if rng.random() < 0.5 else small + tricky
            lst = [rng.choice(pool) for _ in range(n)]
            mode = rng.random()
            if mode < 0.25:
                lst.sort(key=lambda s: ModelVersion(s))  # pre-sorted runs
                if lst:
                    i = rng.randrange(len(lst))
                    lst[i:i] = [rng.choice(pool) for _ in range(rng.randint(0, 5))]
            elif mode < 0.4:
                lst = sorted(lst, key=lambda s: ModelVersion(s), reverse=True)
            keys = [ModelVersion(s) for s in lst]
            perm = sorted(range(len(lst)), key=lambda i: keys[i])
            mx = max(range(len(lst)), key=lambda i: keys[i]) if lst else -1
            cases.append({"input": lst, "perm": perm, "max": mx})
    # References sorted like search_recipes: ConanFileReference.__lt__.
    from conans.model.ref import ConanFileReference
    ref_cases = []
    for n in [2, 3, 5, 10, 40, 70, 150]:
        for _ in range(4):
            refs = []
            for _ in range(n):
                user = rng.choice([None, None, "user", "aa", "zz"])
                channel = None if user is None else rng.choice(["stable", "testing"])
                refs.append([rng.choice(["zlib", "zlib", "bzip2"]), rng.choice(tricky + small[:30]),
                             user, channel])
            objs = [ConanFileReference(*r, validate=False) for r in refs]
            perm = sorted(range(n), key=lambda i: objs[i])
            ref_cases.append({"refs": refs, "perm": perm})
    dump("sort.json", {"cases": cases, "ref_cases": ref_cases})


def gen_random(seed=1650, n=1000, path="random.json"):
    """Random differential cases: token soup and grammar-built ranges, plus
    random pairs for the three version classes. For a long ad-hoc run:
    oracle_gen.py random SEED N /tmp/out.json, then
    DIFF_JSON=/tmp/out.json go test -run TestOracleRandom."""
    rng = random.Random(seed)
    range_tokens = ["0", "1", "2", "3", "01", "10", "00", "x", "X", "*", ".", ".", ".", "-",
                    "-", "+", " ", "  ", "\t", "v", "=", ">", "<", ">=", "<=", "~", "^", "|",
                    "||", ",", "a", "beta", "rc", "-rc", "loose=False",
                    "include_prerelease=True", "loose=True", "\u00a0", "1.2", "1.2.3", "0.0",
                    "_", "9" * 25]
    version_tokens = ["0", "1", "2", "3", "01", "10", "00", ".", ".", ".", "-", "-", "+", "a",
                      "b", "rc", "v", "=", "x", " ", "\n", "\u0663", "\u00b2", "1.2", "1.2.3",
                      "alpha", "-0", "9" * 25]

    def soup(tokens, k):
        return "".join(rng.choice(tokens) for _ in range(rng.randint(0, k)))

    def number():
        return rng.choice(["0", "1", "2", "3", "10", "01", "00", "x", "X", "*", "9" * 22])

    def suffix():
        pre = rng.choice(["", "", "", "-beta", "-rc.1", "-0", "-01", "rc1", "-a-b", "--x",
                          "-beta.2", "-1.a"])
        return pre + rng.choice(["", "", "", "+b", "+b.1", "+0"])

    def range_version():
        k = rng.choice([1, 2, 3, 3, 3, 4])
        s = ".".join(number() for _ in range(k))
        if k >= 3 or rng.random() < 0.3:
            s += suffix()
        return rng.choice(["", "", "", "v", "=", " ", "v="]) + s

    def candidate():
        k = rng.choice([1, 2, 3, 3, 3, 3, 4])
        s = ".".join(rng.choice(["0", "1", "2", "3", "10", "01"]) for _ in range(k))
        if rng.random() < 0.4:
            s += suffix()
        return rng.choice(["", "", "", "", "v", "="]) + s

    ops = ["", "", "=", ">", ">=", "<", "<=", "~", "~>", "^", "~=", "> ", "~ ", "^ ", ">=  "]

    def comparator():
        return rng.choice(ops) + range_version()

    def part():
        if rng.random() < 0.15:
            return range_version() + rng.choice([" - ", " -  ", "\t-\t"]) + range_version()
        sep = rng.choice([" ", " ", "  ", "\t", "\u00a0"])
        return sep.join(comparator() for _ in range(rng.randint(1, 3)))

    def structured():
        e = rng.choice([" || ", "||", " ||"]).join(part() for _ in range(rng.randint(1, 2)))
        if rng.random() < 0.1:
            e += ", " + comparator()
        if rng.random() < 0.2:
            e += rng.choice([", loose=False", ", include_prerelease=True",
                             ", loose=False, include_prerelease=True"])
        return e

    versions = ([soup(version_tokens, 8) for _ in range(60)] +
                [candidate() for _ in range(150)] +
                ["1.2.3", "1.2.4", "2.0.0", "1.0", "1", "0.0.1", "1.2.3-beta", "1.2.3.4",
                 "1.3.0-rc1", "10.0.0"])
    rows = []
    for i in range(n):
        expr = soup(range_tokens, 10) if i % 3 == 0 else structured()
        row = {"expr": expr}
        try:
            flags = []
            text, loose, incl = _parse_versionexpr(expr, flags)
            try:
                r = Range(text, loose)
            except ValueError:
                raise ConanException("version range expression '%s' is not valid" % text)
            row["desugared"] = r.range
            row["warnings"] = flags
            m = ""
            for v in versions:
                try:
                    sv = SemVer(v, loose=loose)
                except ValueError:
                    m += "-"
                    continue
                m += "1" if r.test(sv, include_prerelease=incl) else "0"
            row["matches"] = m
            lst = rng.sample(versions, 10)
            out = []
            row["best"] = satisfying(lst, expr, out)
            row["list"] = lst
            row["output"] = out
        except ConanException as e:
            row["error"] = str(e)
        rows.append(row)

    pool = [soup(version_tokens, 8) for _ in range(n // 4)]
    model, tools, scm = [], [], []
    for a in pool:
        b = rng.choice(pool)
        try:
            va = ModelVersion(a)
            model.append([a, b, va.__cmp__(ModelVersion(b)), va.major(), va.minor(False),
                          va.pre(), va.stable(), va.compatible(b)])
        except ValueError as e:
            model.append([a, b, "E:" + str(e)])
        try:
            ta = ToolsVersion(a)
            try:
                c = -1 if ta < b else (0 if ta == b else 1)
            except ConanException as e:
                c = "E:" + str(e)
            tools.append([a, b, str(ta), ta.prerelease, ta.build, c])
        except ConanException as e:
            tools.append([a, b, "E:" + str(e)])
        sa, sb = ScmVersion(a), ScmVersion(b)
        bumps = []
        for idx in (-2, 0, 1, 2):
            try:
                bumps.append(str(sa.bump(idx)))
            except Exception as e:
                bumps.append("E:" + type(e).__name__ + ":" + str(e))
        scm.append([a, b, sa < sb, sa == sb, sa <= sb, sa >= sb, sa > sb, bumps])
    dump(path, {"versions": versions, "rows": rows, "model": model, "tools": tools,
                "scm": scm})


if __name__ == "__main__":
    import sys
    if len(sys.argv) == 5 and sys.argv[1] == "random":
        gen_random(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
        sys.exit(0)
    gen_ranges()
    ok = gen_model()
    gen_tools()
    gen_scm()
    gen_sort(ok)
    gen_random()
