package recipe

import (
	"fmt"
	"strings"
	"testing"
	"time"

	py "github.com/conid/conid/recipe/python"
)

// YAML reads as PyYAML's safe_load reads it (expected values printed by
// PyYAML 6): merge keys put the merged pairs first, the last mapping of
// a list first, and own keys win; errors are PyYAML's.
func TestYAMLLikePyYAML(t *testing.T) {
	in := py.NewInterp()
	for _, c := range []struct{ doc, want string }{
		{"b: &b {m: 2, o: 9}\ntop: {own: 1, <<: *b, o: 3}\n", "{'b': {'m': 2, 'o': 9}, 'top': {'m': 2, 'o': 3, 'own': 1}}"},
		{"a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\ntop:\n  <<: [*a, *b]\n  w: 0\n", "{'a': {'x': 1, 'y': 1}, 'b': {'y': 2, 'z': 2}, 'top': {'y': 1, 'z': 2, 'x': 1, 'w': 0}}"},
		{"s: &s {url: a}\nt: *s\nl: &l [1, 2]\nm: {<<: *s}\n", "{'s': {'url': 'a'}, 't': {'url': 'a'}, 'l': [1, 2], 'm': {'url': 'a'}}"},
		{"a: 1\nb: {<<: 3}\n", "error: expected a mapping or list of mappings for merging, but found scalar"},
		{"a: &a [1]\nb: {<<: *a}\n", "error: expected a mapping for merging, but found scalar"},
		{"a: &a {x: 1}\nb: {<<: [*a, 5]}\n", "error: expected a mapping for merging, but found scalar"},
	} {
		v, err := parseYAMLText(c.doc)
		got := ""
		if err != nil {
			got = "error: " + err.Error()
		} else if got, err = in.Repr(v); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(got, "error: ") && got != c.want || strings.HasPrefix(got, "error: ") && !strings.HasSuffix(got, strings.TrimPrefix(c.want, "error: ")) {
			t.Errorf("%q:\n got %s\nwant %s", c.doc, got, c.want)
		}
	}
	// An alias is the object it names, as in Python (t is s).
	v, err := parseYAMLText("s: &s {url: a}\nt: *s\n")
	if err != nil {
		t.Fatal(err)
	}
	d := v.(*py.Dict)
	s, _, _ := d.Get("s")
	tt, _, _ := d.Get("t")
	if s != tt {
		t.Error("an alias gave a copy, not the object its anchor made")
	}
}

// A small conandata.yml whose aliases nest (10^12 values if expanded)
// reads at the cost of its size: each alias is the object its anchor
// made, as in PyYAML.
func TestYAMLAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("l0: &l0 [" + strings.Repeat("x, ", 999) + "x]\n")
	for i := 1; i <= 4; i++ {
		fmt.Fprintf(&b, "l%d: &l%d [%s*l%d]\n", i, i, strings.Repeat(fmt.Sprintf("*l%d, ", i-1), 999), i-1)
	}
	start := time.Now()
	v, err := parseConanData([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	l4, _, _ := v.(*py.Dict).Get("l4")
	if n := len(l4.(*py.List).Items); n != 1000 {
		t.Fatalf("l4 has %d items", n)
	}
	t.Logf("read in %v", time.Since(start))
}

// FuzzConanData: any conandata.yml reads as values or an error, in time
// bounded by its size (aliases are shared, not expanded).
func FuzzConanData(f *testing.F) {
	for _, s := range []string{
		"sources:\n  \"1.0\":\n    url: https://x/1.0.tgz\n    sha256: abc\n",
		"a: &a {x: [1, 2]}\nb:\n  <<: *a\n  y: 3\nc: [*a, *a]\n",
		"a: &a [1]\nb: {<<: [*a]}\n",
		"- &x [*x]\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		parseConanData(b)
	})
}
