package pyini

import (
	"reflect"
	"strings"
	"testing"
)

// What CPython 3.11's ConfigParser(allow_no_value=True), optionxform=str,
// reads from each text (NV marks None).
func TestParseAsPython(t *testing.T) {
	const NV = "\x00none"
	for text, want := range map[string][][]string{
		"[a]\nk = v\n":                                    {{"a", "k", "v"}},
		"[a]\nk: v\nK = w\n":                              {{"a", "k", "v", "K", "w"}},
		"[a]\nk = v\n  cont\n\n  more\n\nj = 1\n":         {{"a", "k", "v\ncont\n\nmore", "j", "1"}},
		"[a]\nk = v\n\n\n":                                {{"a", "k", "v"}},
		"[a] trailing\nx=1\n":                             {{"a", "x", "1"}},
		"[a]b]\nx=1\n":                                    {{"a]b", "x", "1"}},
		"[hooks]\nattribute_checker\n":                    {{"hooks", "attribute_checker", NV}},
		"[a]\n  k = 1\n  j = 2\n":                         {{"a", "k", "1", "j", "2"}},
		"[a]\n  k = 1\n    j = 2\n":                       {{"a", "k", "1\nj = 2"}},
		"\ufeff[a]\r\nk = v\r\n":                          {{"a", "k", "v"}},
		"# c\n; c\n[a]\n# k = 1\nk = 2 # not a comment\n": {{"a", "k", "2 # not a comment"}},
		"[a]\nk =\n  x\n":                                 {{"a", "k", "\nx"}},
		"[a]\nk = a=b:c\n":                                {{"a", "k", "a=b:c"}},
		"[a]\n[b]\nx = 1\n":                               {{"a"}, {"b", "x", "1"}},
	} {
		f, err := Parse("f.ini", []byte(text), true)
		if err != nil {
			t.Errorf("%q: %v", text, err)
			continue
		}
		var got [][]string
		for _, s := range f.Sections {
			row := []string{s.Name}
			for _, o := range s.Options {
				v := o.Value
				if o.NoValue {
					v = NV
				}
				row = append(row, o.Key, v)
			}
			got = append(got, row)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q:\n got %q\nwant %q", text, got, want)
		}
	}
}

// What CPython refuses (its exception in the comment), with the line.
func TestParseErrors(t *testing.T) {
	for _, c := range []struct {
		text    string
		noValue bool
		want    string
	}{
		{"k = 1\n[a]\n", true, `f.ini:1: "k = 1" is outside any [section]`},                // MissingSectionHeaderError
		{"[a]\n[a]\n", true, "f.ini:2: section [a] already defined at line 1"},             // DuplicateSectionError
		{"[a]\nk = 1\nk = 2\n", true, `f.ini:3: key "k" already defined in [a] at line 2`}, // DuplicateOptionError
		{"[a]\nk\n  x\n", true, `f.ini:3: "x" continues key "k", which has no value`},      // AttributeError
		{"[a]\nk\n\n  x\n", true, `f.ini:4: "x" continues key "k", which has no value`},    // AttributeError
		{"[a]\nk\n", false, `f.ini:2: expected 'key: value' in [a], got "k"`},              // ParsingError
		{"[a]\n= 1\n", true, `f.ini:2: expected 'key: value' in [a], got "= 1"`},           // ParsingError
		{"[a\n", true, `f.ini:1: section header "[a" has no closing ']'`},                  // MissingSectionHeaderError
	} {
		_, err := Parse("f.ini", []byte(c.text), c.noValue)
		if err == nil || err.Error() != c.want {
			t.Errorf("%q: %v, want %s", c.text, err, c.want)
		}
	}
}

// FuzzParse: what parses formats into text that parses to the same.
func FuzzParse(f *testing.F) {
	f.Add("[general]\nk = v\n  cont\n\n  more\n[hooks]\nattribute_checker\n", true)
	f.Add("[server]\njwt_secret: abc\nport = 9300\n", false)
	f.Fuzz(func(t *testing.T, text string, noValue bool) {
		a, err := Parse("f.ini", []byte(text), noValue)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.ini:") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		out := a.Format()
		b, err := Parse("f.ini", out, noValue)
		if err != nil {
			t.Fatalf("formatted text does not parse: %v\n%s", err, out)
		}
		if len(a.Sections) != len(b.Sections) {
			t.Fatalf("sections %d -> %d\n%s", len(a.Sections), len(b.Sections), out)
		}
		for i := range a.Sections {
			x, y := a.Sections[i], b.Sections[i]
			if x.Name != y.Name || len(x.Options) != len(y.Options) {
				t.Fatalf("section %q -> %q\n%s", x.Name, y.Name, out)
			}
			for j := range x.Options {
				p, q := x.Options[j], y.Options[j]
				if p.Key != q.Key || p.Value != q.Value || p.NoValue != q.NoValue {
					t.Fatalf("option %+v -> %+v\n%s", p, q, out)
				}
			}
		}
	})
}
