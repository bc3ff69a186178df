package ref

import (
	"errors"
	"regexp"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Ref
		str  string
	}{
		{"zlib/1.2.13", Ref{Name: "zlib", Version: "1.2.13"}, "zlib/1.2.13"},
		{"zlib/1.2.13@", Ref{Name: "zlib", Version: "1.2.13"}, "zlib/1.2.13"},
		{"zlib/1.2.13@_/_", Ref{Name: "zlib", Version: "1.2.13"}, "zlib/1.2.13"},
		{"boost/1.80.0@conan/stable", Ref{"boost", "1.80.0", "conan", "stable", ""}, "boost/1.80.0@conan/stable"},
		{"fmt/9.1.0#abc123", Ref{Name: "fmt", Version: "9.1.0", Revision: "abc123"}, "fmt/9.1.0"},
		{"fmt/9.1.0@#abc123", Ref{Name: "fmt", Version: "9.1.0", Revision: "abc123"}, "fmt/9.1.0"},
		{"zlib/[>1.2 <2]@us/ch", Ref{"zlib", "[>1.2 <2]", "us", "ch", ""}, "zlib/[>1.2 <2]@us/ch"},
		{"zlib/(latest)", Ref{Name: "zlib", Version: "(latest)"}, "zlib/(latest)"},
		{"a_b/1.0+build.1", Ref{Name: "a_b", Version: "1.0+build.1"}, "a_b/1.0+build.1"},
	} {
		got, err := Parse(tc.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.in, err)
			continue
		}
		if got != tc.want {
			t.Errorf("Parse(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
		if got.String() != tc.str {
			t.Errorf("Parse(%q).String() = %q, want %q", tc.in, got.String(), tc.str)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ in, msg string }{
		{"zlib", "Specify the 'name' and the 'version'"},
		{"z/1.0", "Value provided for package name, 'z' (type str), is too short"},
		{"zlib/1.0@user", "Specify the 'user' and the 'channel' or neither of them"},
		{"zlib/1.0@u/c/d", "too many '/'"},
		{"zlib/1.0@a@b", "too many '@'"},
		{"-zlib/1.0", "is an invalid name"},
		{"zlib/1.0#rev-1", "The revision field"},
		{"zlib/1 0", "invalid version number"},
		{strings.Repeat("a", 52) + "/1.0", "is too long"},
	} {
		_, err := Parse(tc.in)
		if err == nil {
			t.Errorf("Parse(%q) succeeded", tc.in)
			continue
		}
		if !errors.Is(err, ErrInvalid) {
			t.Errorf("Parse(%q) error is not ErrInvalid: %v", tc.in, err)
		}
		if !strings.Contains(err.Error(), tc.msg) || !strings.Contains(err.Error(), tc.in) {
			t.Errorf("Parse(%q) = %q, want it to contain %q and the input", tc.in, err, tc.msg)
		}
	}
}

func TestLooksLikeRef(t *testing.T) {
	for in, want := range map[string]bool{
		"zlib/1.0@":           true,
		"zlib/1.0":            false,
		"conanfile.py":        false,
		"zlib/[*]@":           true,
		"zl*b/1.0@":           false,
		"zlib/1.0@user/chan":  true,
		"root/conanfile.py":   false,
		"../x/conanfile.txt@": false,
	} {
		if got := LooksLikeRef(in); got != want {
			t.Errorf("LooksLikeRef(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestPackageRef(t *testing.T) {
	p, err := ParsePackage("zlib/1.2.13@us/ch#r1:abcdef#p2")
	if err != nil {
		t.Fatal(err)
	}
	if p.PackageID != "abcdef" || p.Revision != "p2" || p.Ref.Revision != "r1" {
		t.Errorf("got %+v", p)
	}
	if p.Full() != "zlib/1.2.13@us/ch#r1:abcdef#p2" || p.String() != "zlib/1.2.13@us/ch:abcdef" {
		t.Errorf("Full %q String %q", p.Full(), p.String())
	}
	if _, err := ParsePackage("zlib/1.2.13"); err == nil {
		t.Error("package reference without id accepted")
	}
}

// FuzzParse checks that parsing never panics and that what parses prints
// back to text that parses to the same reference.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"zlib/1.2.13", "zlib/1.2.13@", "a/b@c/d#e", "x/[>1 <2]@u/c", "", "@", "/", "#", "a/b@", "zlib/(alias)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := Parse(s)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("error not ErrInvalid: %v", err)
			}
			return
		}
		back, err := Parse(r.Full())
		if err != nil {
			t.Fatalf("Parse(%q) ok but Parse(Full()=%q): %v", s, r.Full(), err)
		}
		if back != r {
			t.Fatalf("round trip %q -> %+v -> %+v", s, r, back)
		}
		LooksLikeRef(s)
		ParsePackage(s)
	})
}

// The rules as Conan's ConanName writes them, as regular expressions
// (Go's "$" is the end of the text).
var (
	namePattern     = regexp.MustCompile(`^[a-zA-Z0-9_][a-zA-Z0-9_+.-]*$`)
	revisionPattern = regexp.MustCompile(`^[a-zA-Z0-9]+$`)
)

func sameAsPatterns(t *testing.T, s string) {
	t.Helper()
	want := len(s) >= minChars && len(s) <= maxChars && namePattern.MatchString(s)
	if got := ValidName(s); got != want {
		t.Fatalf("ValidName(%q) = %v, the pattern says %v", s, got, want)
	}
	if got, want := validRevision(s), revisionPattern.MatchString(s); got != want {
		t.Fatalf("validRevision(%q) = %v, the pattern says %v", s, got, want)
	}
}

func TestNameRulesArePatterns(t *testing.T) {
	chars := "aZ09_+.-/@#é \n\x00"
	var walk func(prefix string)
	walk = func(prefix string) { // every string of up to 3 of those bytes
		sameAsPatterns(t, prefix)
		if len(prefix) < 3 {
			for i := 0; i < len(chars); i++ {
				walk(prefix + chars[i:i+1])
			}
		}
	}
	walk("")
	for _, s := range []string{"zlib", "a", strings.Repeat("a", 51), strings.Repeat("a", 52), "_x", "x\n", "1.2.3+b"} {
		sameAsPatterns(t, s)
	}
}

func FuzzNameRules(f *testing.F) {
	f.Add("zlib")
	f.Fuzz(sameAsPatterns)
}
