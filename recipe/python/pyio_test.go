package python

import "testing"

// io.StringIO and six.StringIO behave as Python 3's (outputs checked
// with CPython 3.11): position 0 at start, overwriting writes, reads
// from the position, with-blocks, and the io module's other names still
// importable (opaque).
func TestStringIO(t *testing.T) {
	m, err := runSrc(t, `
from io import StringIO, BytesIO
import six
s = six.StringIO()
s.write("ldd (Debian GLIBC 2.36-9) 2.36\n")
print_ok = s.write("next\n")
a = s.getvalue()
t = StringIO("hello world")
t.write("HELLO")
b = t.getvalue()
c = t.read()
t.seek(0)
d = t.readline()
with StringIO() as u:
    u.writelines(["x", "y"])
    e = u.getvalue()
f = u.closed
try:
    u.getvalue()
except ValueError as err:
    g = str(err)
try:
    StringIO().write(3)
except TypeError as err:
    h = str(err)
same = six.StringIO is StringIO
`)
	if err != nil {
		t.Fatal(err)
	}
	in := NewInterp()
	for name, want := range map[string]string{
		"a":        `'ldd (Debian GLIBC 2.36-9) 2.36\nnext\n'`,
		"print_ok": `5`,
		"b":        `'HELLO world'`,
		"c":        `' world'`,
		"d":        `'HELLO world'`,
		"e":        `'xy'`,
		"f":        `True`,
		"g":        `'I/O operation on closed file.'`,
		"h":        `"string argument expected, got 'int'"`,
		"same":     `True`,
	} {
		v, ok := m.Dict.Get(name)
		if !ok {
			t.Errorf("%s not set", name)
			continue
		}
		got, err := in.Repr(v)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("%s = %s, want %s", name, got, want)
		}
	}
}
