package version

import (
	"slices"
	"testing"
)

// Readable pins of Conan 1.65 behaviours that surprise; every value was
// checked against the Python oracle (and is also covered by the tables).

func TestModelVersionCompareSurprises(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{
		{"4", "4.0", 0},             // missing items count as 0
		{"4.0", "4.0.0", 0},         //
		{"1.0+b", "1.0+a", -1},      // the greater build is the smaller version
		{"1.0+a", "1.0", -1},        // and any build is below none
		{"1", "1.a", -1},            // a longer other always wins...
		{"1.a", "1", -1},            // ...so this is -1 both ways
		{"1.0.a", "1", 1},           // not transitive: "1.0.a" > "1" == "1.0"...
		{"1.0", "1.0.a", -1},        // ...but "1.0" < "1.0.a" (while "1" == "1.0")
		{"1.4.rc2", "1.4.0", -1},    // strings below numbers
		{"1.4.rc2", "1.4", -1},      //
		{"1.10", "1.9", 1},          // numbers numerically
		{"1.a", "1.B", 1},           // strings by code point
		{" 1.2 ", "1.2", 0},         // stripped
		{"1.2.3-rc", "1.2.3.rc", 0}, // "." and "-" are the same separator
	}
	for _, c := range cases {
		if got, err := CompareStrings(c.a, c.b); err != nil || got != c.want {
			t.Errorf("Compare(%q, %q) = %d %v, want %d", c.a, c.b, got, err, c.want)
		}
	}
}

func TestModelVersionPackageIDParts(t *testing.T) {
	cases := []struct {
		in                               string
		stable, major, minor, patch, pre string
	}{
		{"1.2.3", "1.Y.Z", "1.Y.Z", "1.2.Z", "1.2.3", "1.2.3"},
		{"0.1.2+b", "0.1.2+b", "0.Y.Z", "0.1.Z", "0.1.2", "0.1.2"}, // 0.x: stable is everything
		{"1.2.3.4", "1.Y.Z", "1.Y.Z", "1.2.Z", "1.2.3", "1.2.3-4"},
		{"01.2", "1.Y.Z", "1.Y.Z", "1.2.Z", "1.2.0", "1.2.0"},
		{"cci.20210118", "cci.20210118", "cci.20210118", "cci.20210118", "cci.20210118", "cci.20210118"},
		{"abc +b", "abc ", "abc ", "abc ", "abc ", "abc "}, // the base, not re-stripped
		{"system", "system", "system", "system", "system", "system"},
	}
	for _, c := range cases {
		v := MustParseVersion(c.in)
		got := []string{v.Stable(), v.Major(true), v.Minor(true), v.Patch(), v.Pre()}
		want := []string{c.stable, c.major, c.minor, c.patch, c.pre}
		if !slices.Equal(got, want) {
			t.Errorf("%q: stable/major/minor/patch/pre = %q, want %q", c.in, got, want)
		}
	}
	if _, err := ParseVersion("1.\u00b2"); err == nil || err.Error() != "invalid literal for int() with base 10: '²'" {
		t.Errorf("superscript digit: %v", err)
	}
}

func TestScmVersionSurprises(t *testing.T) {
	v := func(s string) ScmVersion { return ParseScmVersion(s) }
	bump := func(s string, i int) string {
		r, err := v(s).Bump(i)
		if err != nil {
			return "error: " + err.Error()
		}
		return r.String()
	}
	ub, _ := v("1.5").UpperBound(0)
	buildOf := func(s string) string {
		b, _ := v(s).Build()
		return b.String()
	}
	checks := []struct {
		name string
		got  any
		want any
	}{
		{"1.5.7 bump(0) does not pad", bump("1.5.7", 0), "2"},
		{"negative index pads len(main) zeros", bump("1.5.7", -1), "1.5.8.0.0.0"},
		{"string item", bump("1.a", 1), "error: Cannot bump '1.a version index 1, not an int"},
		{"out of range", bump("1.2", 5), "error: tuple index out of range"},
		{"upper_bound", ub.String(), "2-"},
		{"pre below its release", v("1.2-rc").Less(v("1.2")), true},
		{"pre of a later release above", v("1.3-rc").Greater(v("1.2")), true},
		{"trailing zeros", v("1.2").Equal(v("1.2.0")), true},
		{"build above none", v("1.2+b").Greater(v("1.2")), true},
		{"int() strips", v(" 1.2").Equal(v("1.2")), true},
		{"int() strips inside too", v("1. 2").Equal(v("1.2")), true},
		{"\"+\" always starts the build", buildOf("1.+2"), "2"},
		{"int() reads 1_0", v("1.1_0").Equal(v("1.10")), true},
		{"cycle 1", v("1.2").Less(v("1.10")), true},
		{"cycle 2", v("1.10").Less(v("1.1a")), true},
		{"cycle 3", v("1.1a").Less(v("1.2")), true},
		{"string compare", v("7.1").CompareString("7"), 1},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
		}
	}
}

func TestToolsVersionSurprises(t *testing.T) {
	a, _ := ParseToolsVersion("1.2.3.4")
	b, _ := ParseToolsVersion("1.2.3")
	if a.Compare(b) != 0 || a.String() != "1.2.3.4" {
		t.Errorf("four components: %d %q", a.Compare(b), a)
	}
	c, _ := ParseToolsVersion("v1.2")
	if c.String() != "1.2.0" {
		t.Errorf("v1.2 = %q", c)
	}
	if _, err := ParseToolsVersion("system"); err == nil || err.Error() != "Invalid version 'system'" {
		t.Errorf("system: %v", err)
	}
	if cmp, err := b.CompareString("1.2.3-rc1"); err != nil || cmp != 1 {
		t.Errorf("1.2.3 vs 1.2.3-rc1: %d %v", cmp, err)
	}
}

// TestSortNeedsPythonsAlgorithm shows that sorting model Versions with Go's
// own stable sort gives different orders than Python on the oracle cases,
// which is why Sort carries a port of CPython's list.sort.
func TestSortNeedsPythonsAlgorithm(t *testing.T) {
	var data struct {
		Cases []struct {
			Input []string `json:"input"`
			Perm  []int    `json:"perm"`
		} `json:"cases"`
	}
	loadJSON(t, "sort.json", &data)
	differ := 0
	for _, c := range data.Cases {
		want := make([]string, len(c.Perm))
		for i, j := range c.Perm {
			want[i] = c.Input[j]
		}
		got := slices.Clone(c.Input)
		slices.SortStableFunc(got, func(a, b string) int {
			l, _ := Less(a, b)
			g, _ := Less(b, a)
			switch {
			case l:
				return -1
			case g:
				return 1
			}
			return 0
		})
		if !slices.Equal(got, want) {
			differ++
		}
	}
	if differ == 0 {
		t.Errorf("Go's stable sort agrees with Python on every case; the tables no longer exercise non-transitive orders")
	}
	t.Logf("Go's stable sort differs from Python's on %d of %d cases", differ, len(data.Cases))
}

func TestZeroValues(t *testing.T) {
	empty := MustParseVersion("")
	for _, s := range []string{"", "0", "1", "a", "-"} {
		o := MustParseVersion(s)
		if Compare(Version{}, o) != Compare(empty, o) || Compare(o, Version{}) != Compare(o, empty) {
			t.Errorf("zero Version differs from \"\" against %q", s)
		}
		so := ParseScmVersion(s)
		if (ScmVersion{}).Less(so) != ParseScmVersion("").Less(so) ||
			so.Less(ScmVersion{}) != so.Less(ParseScmVersion("")) ||
			(ScmVersion{}).Equal(so) != ParseScmVersion("").Equal(so) {
			t.Errorf("zero ScmVersion differs from \"\" against %q", s)
		}
	}
	if (Version{}).Major(true) != empty.Major(true) || (Version{}).Pre() != empty.Pre() {
		t.Errorf("zero Version parts differ")
	}
	if (ToolsVersion{}).String() != "0.0.0" {
		t.Errorf("zero ToolsVersion = %q", ToolsVersion{})
	}
}
