# Generates eval_golden.json: each snippet is run by CPython and the repr
# of its `result` (or the exception class and message) is recorded. Run
# with /usr/bin/python3 (CPython 3.11) from this folder.
import json

SNIPPETS = [
    "result = (7 // 2, -7 // 2, 7 % -3, -7 % 3, 2 ** 10, 2 ** -1, 7 / 2, 1e16, 0.1 + 0.2, 1/3)",
    "result = (abs(-3), round(2.5), round(3.5), round(2.675, 2), divmod(-7, 2), pow(3, 4), int('  42 '), int('0x1f', 16), int('0b101', 0), float('1e3'))",
    "result = (True + True, 3 * 'ab', [1] * 3, (1, 2) + (3,), 'a' < 'b' < 'c', 1 < 2 > 1, not 0, None is None, 1 == 1.0, 'x' in 'xyz')",
    "result = ('%s-%d-%05.2f-%x-%r-%%' % ('a', 42, 3.14159, 255, 'q'), '%(a)s/%(b)s' % {'a': 1, 'b': 2}, '%-5s|' % 'ab', '%5d|' % 7)",
    "result = ('{} {!r} {:>6} {:<6}| {:^7}| {:08.3f} {:,} {:x} {:#o} {:e}'.format('a', 'b', 'c', 'd', 'e', 3.14159, 1234567, 255, 8, 12345.678))",
    "x = 3.14159\nname = 'conid'\nresult = f'{name!r:>10}|{x:.2f}|{x:10.3e}|{len(name)}|{name.upper()}|{{lit}}|{x=}'",
    "result = ('a,b,,c'.split(','), 'a b  c'.split(), 'a,b,c'.split(',', 1), 'a,b,c'.rsplit(',', 1), '  x  '.strip(), 'xxhixx'.strip('x'), 'a\\nb\\r\\nc'.splitlines(), 'abc'.partition('b'), 'abcabc'.rpartition('b'))",
    "result = ('hello world'.title(), 'Hello'.swapcase(), 'abc'.center(9, '*'), '42'.zfill(5), '-42'.zfill(5), 'abcabc'.replace('b', 'X', 1), 'abc'.find('c'), 'abc'.find('z'), 'a-b'.isalnum(), '123'.isdigit(), ''.isdigit(), 'ABC'.isupper())",
    "result = ('prefix_name'.removeprefix('prefix_'), 'x.tar.gz'.removesuffix('.gz'), 'abc'.startswith(('x', 'a')), 'abc'.endswith('bc', 0, 3), '-'.join(['a', 'b']), 'tab\\tx'.expandtabs(4) == 'tab\\tx'.expandtabs(4), 'ab'.ljust(4, '.'), 'ab'.rjust(4))",
    "l = [3, 1, 2]\nl.append(4)\nl.extend([0])\nl.insert(1, 9)\nl.remove(9)\np = l.pop()\nl.sort(reverse=True)\nresult = (l, p, l.index(2), l.count(3), l[::-1], l[1:3], l[-1], sorted('bca'), list(reversed([1, 2])))",
    "d = {'b': 1, 'a': 2}\nd['c'] = 3\nd.setdefault('a', 9)\nd.update(x=5)\nv = d.pop('b')\nresult = (list(d), list(d.values()), list(d.items()), v, d.get('zz'), d.get('zz', 0), 'a' in d, sorted(d, key=lambda k: d[k]), dict(zip('ab', [1, 2])), {**d, 'a': 0})",
    "s = {3, 1, 2}\ns.add(4)\ns.discard(1)\nresult = (sorted(s), sorted(s | {9}), sorted(s & {2, 3, 7}), sorted(s - {2}), {1, 2} <= {1, 2, 3}, sorted(frozenset([1, 1, 2])), len(set('hello')))",
    "result = ([x * x for x in range(6) if x % 2], {k: v for k, v in enumerate('ab')}, {x % 3 for x in range(10)}, list(x + y for x in 'ab' for y in 'cd'), [(i, j) for i in range(3) for j in range(i)])",
    "calls = []\ndef f(x):\n    calls.append(x)\n    return x > 1\nr1 = any(f(x) for x in [0, 1, 2, 3, 4])\nr2 = all(f(x) for x in [5, 0, 9])\nresult = (r1, r2, calls, next((x for x in range(10) if x > 6), None), sum(x for x in range(5)), max([3, 8, 1], key=lambda v: -v), min('bca'))",
    "def outer():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n    inc(); inc()\n    return n, inc\nr, g = outer()\nresult = (r, g(), g())",
    "counter = 0\ndef bump():\n    global counter\n    counter += 10\nbump(); bump()\nresult = counter",
    "def f(a, b=2, *args, c, d=4, **kw):\n    return (a, b, args, c, d, sorted(kw.items()))\nresult = (f(1, c=3), f(1, 2, 3, 4, c=5, e=6), f(*[1, 2], **{'c': 7, 'z': 0}))",
    "class A:\n    x = 1\n    def __init__(self, v):\n        self.v = v\n    @property\n    def double(self):\n        return self.v * 2\n    @classmethod\n    def make(cls):\n        return cls(5)\n    @staticmethod\n    def twice(y):\n        return y * 2\n    def __repr__(self):\n        return f'A({self.v})'\nclass B(A):\n    def __init__(self, v):\n        super().__init__(v + 1)\n    @property\n    def double(self):\n        return super().double + 100\nresult = (A.make(), B(1).double, A.twice(3), B.x, isinstance(B(0), A), issubclass(B, A), type(B(0)).__name__, hasattr(A(1), 'v'), getattr(A(1), 'nope', 'dflt'))",
    "class P:\n    def __init__(self, n): self.n = n\n    def __eq__(self, o): return isinstance(o, P) and o.n == self.n\n    def __lt__(self, o): return self.n < o.n\n    def __hash__(self): return hash(self.n)\n    def __len__(self): return self.n\n    def __contains__(self, x): return x == self.n\n    def __getitem__(self, i): return i * self.n\n    def __bool__(self): return self.n != 0\nps = [P(3), P(1), P(2)]\nresult = ([p.n for p in sorted(ps)], P(1) == P(1), P(1) != P(2), len(P(4)), 3 in P(3), P(5)[2], bool(P(0)), P(1) in ps, max(ps).n)",
    "def g():\n    try:\n        raise ValueError('bad', 1)\n    except (TypeError, ValueError) as e:\n        return ('caught', e.args, str(e), repr(e), type(e).__name__)\n    finally:\n        pass\nresult = g()",
    "log = []\ndef h():\n    try:\n        log.append('try')\n        return 1\n    finally:\n        log.append('finally')\nr = h()\ntry:\n    {}['missing']\nexcept KeyError as e:\n    k = repr(e)\nelse:\n    k = None\ntry:\n    try:\n        1 / 0\n    except ZeroDivisionError:\n        raise RuntimeError('wrapped')\nexcept RuntimeError as e:\n    ctx = type(e.__context__).__name__ if hasattr(e, '__context__') else 'n/a'\nresult = (r, log, k)",
    "class MyErr(Exception):\n    pass\nclass Sub(MyErr):\n    def __init__(self, msg):\n        super().__init__('sub: ' + msg)\ntry:\n    raise Sub('x')\nexcept MyErr as e:\n    r = (str(e), isinstance(e, Exception), e.args)\nresult = r",
    "a, *b, c = [1, 2, 3, 4, 5]\n(x, y), z = (1, 2), 3\nfirst, *_ = 'abc'\nresult = (a, b, c, x, y, z, first)",
    "if (n := len('hello')) > 3:\n    r = n\nresult = (r, [y for x in range(4) if (y := x * 2) > 2], 'yes' if n else 'no', (lambda a, b=2: a * b)(3))",
    "result = (list(enumerate('ab', 1)), list(zip([1, 2, 3], 'ab')), list(map(str, [1, 2])), list(filter(None, [0, 1, '', 'a'])), list(map(lambda a, b: a + b, [1, 2], [10, 20])), list(range(10, 0, -3)), range(5)[-1], 3 in range(0, 10, 3))",
    "import re\nm = re.match(r'(\\d+)\\.(\\d+)', '12.34.56')\nresult = (m.group(0), m.group(1), m.groups(), re.search(r'b+', 'aabbbc').group(), re.sub(r'(\\w)(\\d)', r'\\2\\1', 'a1b2'), re.findall(r'\\d', 'a1b22'), re.split(r'[,;]', 'a,b;c'), re.match('x', 'abc'), bool(re.fullmatch(r'[a-z]+', 'abc')))",
    "import os\nresult = (os.path.join('a', 'b', 'c.txt'), os.path.join('a', '/abs', 'x'), os.path.basename('/x/y.tar.gz'), os.path.dirname('/x/y/z'), os.path.splitext('a/b.c.d'), os.path.split('/a/b'), os.path.normpath('a/./b/../c'), os.sep)",
    "import textwrap\nresult = textwrap.dedent('''\\n    line one\\n      indented\\n    line two\\n''')",
    "from collections import namedtuple, OrderedDict\nPt = namedtuple('Pt', 'x y')\np = Pt(1, y=2)\nresult = (p, p.x + p.y, p[0], tuple(p), p._replace(x=9), OrderedDict([('a', 1)]), isinstance(p, tuple))",
    "from collections import OrderedDict\nd = OrderedDict()\nd['z'] = 1\nd['a'] = 2\nd.update(b=3)\nresult = (d, list(d.items()), isinstance(d, dict), type(d).__name__, d.get('a'), dict(d), OrderedDict(), d.copy())",
    "import functools, itertools, copy\norig = {'a': [1, 2]}\ndc = copy.deepcopy(orig)\ndc['a'].append(3)\nresult = (functools.reduce(lambda a, b: a * b, [1, 2, 3, 4]), functools.partial(int, base=2)('101'), list(itertools.chain([1], (2, 3))), list(itertools.product('ab', [1, 2])), orig, dc)",
    "result = (str(1.0), str(1e-5), str(123456789012345678.0), repr(0.1), str(2.5e-10), str(-0.0), str(float('inf')), str(10/4), str(3.0*1e20))",
    "result = (bool([]), bool([0]), bool(''), bool('0'), bool(0.0), bool(None), bool(range(0)), int(True), str(True), str(None), repr('it\\'s'), repr('say \"hi\"'), repr('tab\\t'))",
    "x = [1, 2, 3, 4, 5, 6]\nx[1:3] = ['a', 'b', 'c']\ndel x[0]\ndel x[-2:]\ny = list(range(10))\nresult = (x, y[::2], y[8:2:-2], y[-3:], y[:-7], 'hello'[1:-1], 'hello'[::-1])",
    "def gen_keys(d):\n    return sorted(d, key=lambda k: (len(k), k), reverse=True)\nresult = (gen_keys({'bb': 1, 'a': 2, 'cc': 3, 'ddd': 4}), sorted([(2, 'b'), (1, 'z'), (2, 'a')]), sorted(['B', 'a', 'C'], key=str.lower))",
    "result = 'x' * 0 + str(len('') or 'empty') + str(0 and 1) + str(None or [])",
    "def many(a, b, c=3, *rest, k=1, **kw):\n    d = a + b\n    e = d * c\n    f1 = [e + i for i in range(3)]\n    g = {n: n * k for n in 'xy'}\n    h = len(rest)\n    i2 = sorted(kw)\n    j = (d, e, f1, g, h, i2)\n    del d\n    try:\n        d\n    except UnboundLocalError:\n        j = j + ('unbound',)\n    d = 'again'\n    return j + (d,)\nresult = many(1, 2, 4, 5, 6, k=2, z=0, y=1)",
    "def outer():\n    v1 = v2 = v3 = v4 = v5 = v6 = v7 = v8 = 0\n    v9 = 'nine'\n    def inner():\n        nonlocal v9\n        v9 = v9 + '!'\n        return v1, v9\n    r = inner()\n    v9 = v9 + '?'\n    return r, inner(), v9\nresult = outer()",
    "g9 = 'global'\ndef shadow(x):\n    global g9\n    y = x\n    g9 = g9 + str(y)\n    del y\n    return [x for x in range(2)], x, g9\nresult = (shadow(5), g9)",
    "class K:\n    def __init__(self, a, b, c, d, e, f, g, h, i):\n        self.t = (a, b, c, d, e, f, g, h, i)\n    def total(self, *extra):\n        return sum(self.t) + sum(extra)\nclass L(K):\n    def __init__(self, *args):\n        super().__init__(*args)\nresult = (L(1, 2, 3, 4, 5, 6, 7, 8, 9).total(10), K(*range(9)).t)",
    "def fails():\n    return undefined_name\ntry:\n    fails()\nexcept NameError as e:\n    result = str(e)",
    "def f():\n    x = x + 1\ntry:\n    f()\nexcept UnboundLocalError as e:\n    result = type(e).__name__",
    "result = int('12abc')",
    "result = [1, 2][5]",
    "result = 'abc' + 1",
    "result = {}.pop('k')",
    "class C:\n    pass\nresult = C().missing",
    "result = 1 < 'a'",
]

out = []
for src in SNIPPETS:
    ns = {}
    try:
        exec(src, ns)
        out.append({"src": src, "result": repr(ns["result"])})
    except Exception as e:
        out.append({"src": src, "error": type(e).__name__, "message": str(e)})
json.dump(out, open("eval_golden.json", "w"), indent=1)
print(len(out), "snippets")
