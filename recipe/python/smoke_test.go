package python

import (
	"testing"

	"github.com/conid/conid/recipe/python/syntax"
)

func runSrc(t *testing.T, src string) (*Module, error) {
	t.Helper()
	mod, err := syntax.Parse("test.py", []byte(src))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	in := NewInterp()
	return in.ExecModule("test", mod)
}

func TestSmoke(t *testing.T) {
	m, err := runSrc(t, `
class A:
    x = 1
    def __init__(self, y):
        self.y = y
    @property
    def z(self):
        return self.x + self.y
    def f(self, *a, k=3, **kw):
        return [a, k, kw]
class B(A):
    def f(self, *a, **kw):
        return super().f(*a, **kw) + ["B"]
b = B(5)
r = (b.z, b.f(1, 2, k=4, q=9), [i*i for i in range(5) if i % 2], {k: v for k, v in zip("ab", (1, 2))})
s = "%s-%d %r" % ("x", 3, "y") + f"{b.z:>4}|{'q'!r}" + "{0}.{1}".format(1, "two")
g = any(x > 2 for x in [1, 2, 3])
try:
    {}["k"]
except KeyError as e:
    ke = repr(e)
`)
	if err != nil {
		t.Fatal(err)
	}
	in := NewInterp()
	for name, want := range map[string]string{
		"r":  `(6, [(1, 2), 4, {'q': 9}, 'B'], [1, 9], {'a': 1, 'b': 2})`,
		"s":  `x-3 'y'   6|'q'1.two`,
		"g":  `True`,
		"ke": `"KeyError('k')"`,
	} {
		v, _ := m.Dict.Get(name)
		got, err := in.Repr(v)
		if err != nil {
			t.Fatal(err)
		}
		if name == "s" {
			got = v.(string)
		}
		if got != want {
			t.Errorf("%s = %s, want %s", name, got, want)
		}
	}
}

// A function's attributes: none until one is set (its namespace is made
// then), and global/nonlocal declarations, whose name sets are made only
// when a function has some.
func TestFunctionAttributesAndDeclarations(t *testing.T) {
	m, err := runSrc(t, `
def f():
    pass
before = hasattr(f, "x")
f.x = 3
after = (f.x, hasattr(f, "x"), getattr(f, "y", "none"))
counter = 0
def bump():
    global counter
    counter += 1
bump()
bump()
def outer():
    n = 0
    def inner():
        nonlocal n
        n += 5
    inner()
    return n
nl = outer()
`)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"before": "False", "after": "(3, True, 'none')", "counter": "2", "nl": "5"} {
		v, _ := m.Dict.Get(name)
		got, err := NewInterp().Repr(v)
		if err != nil || got != want {
			t.Errorf("%s = %s (%v), want %s", name, got, err, want)
		}
	}
}
