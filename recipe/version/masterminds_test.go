package version

import (
	"slices"
	"strings"
	"testing"

	"github.com/Masterminds/semver/v3"
)

// Each test below pins one way in which node-semver 0.6.1 as Conan 1.65
// drives it differs from Masterminds/semver, and shows what Masterminds
// would have answered. Expected values come from the Python oracle.

type bestCase struct {
	expr     string
	versions []string
	want     string // "" means no match
}

func checkBest(t *testing.T, cases []bestCase) {
	t.Helper()
	for _, c := range cases {
		got, found, _, err := Satisfying(c.versions, c.expr)
		if err != nil {
			t.Errorf("[%s] %q: %v", c.expr, c.versions, err)
			continue
		}
		if found != (c.want != "") || got != c.want {
			t.Errorf("[%s] %q = %q (found %v), want %q", c.expr, c.versions, got, found, c.want)
		}
	}
}

// mmCheck reports Masterminds' verdict, or ok=false if it rejects the
// constraint or the version.
func mmCheck(constraint, version string) (match, ok bool) {
	c, err := semver.NewConstraint(constraint)
	if err != nil {
		return false, false
	}
	v, err := semver.StrictNewVersion(version)
	if err != nil {
		return false, false
	}
	return c.Check(v), true
}

func TestMastermindsDiffLooseParsing(t *testing.T) {
	// node-semver's loose mode (Conan's default) reads all of these;
	// Masterminds' strict parser reads none, and its NewVersion not all.
	cases := []struct{ in, want string }{
		{"1.2.3beta", "1.2.3-beta"}, // hyphen-less prerelease
		{"=1.2.3", "1.2.3"},         // "=" prefix
		{"v=1.2.3", "1.2.3"},
		{" v 1.2.3", "1.2.3"},      // spaces inside the prefix
		{"v1.2", "1.2.0"},          // recovery of partial versions
		{"1", "1.0.0"},             // ...
		{"1.2-rc1", "1.2.0-rc1"},   // ...with a prerelease
		{"1.2-rc1!!", "1.2.0-rc1"}, // ...and trailing junk ignored
		{"01.2", "0.0.0-1.2"},      // "0" is the major, "1.2" a prerelease
		{"01.2.3", "1.2.3"},        // leading zeros in full versions
		{"1.2.3-01", "1.2.3-1"},    // and in prerelease numbers
		{"1.2.3.4", "1.2.3.4"},     // fourth component kept as micro
		{"1.2.3\n.4", "1.2.3.4"},   // Python's $ matches before a final \n
		{"1.\u0662", "1.0.2"},      // Unicode digits (Python's \d) become the patch
		{"1.2.3-", "1.2.3--"},      // "-" is a valid prerelease identifier
	}
	for _, c := range cases {
		v, err := parseSemVer(c.in, true)
		if err != nil || v.version != c.want {
			t.Errorf("loose %q = %v %v, want %q", c.in, v, err, c.want)
		}
		if _, err := semver.StrictNewVersion(c.in); err == nil {
			t.Errorf("Masterminds accepts %q strictly; the fast path would shadow loose parsing", c.in)
		}
	}
	// "=1.2" is not recovered (only "v" may prefix a partial version).
	for _, in := range []string{"=1.2", "latest", "1.a", "", "\u0661.2", "a.b.c"} {
		if v, err := parseSemVer(in, true); err == nil {
			t.Errorf("loose %q = %q, want ValueError", in, v.version)
		}
	}
	// Strict mode (", loose=False") wants M.m.p, but still allows "v".
	for in, ok := range map[string]bool{"1.2.3": true, "v1.2.3": true, "=1.2.3": false,
		"1.2": false, "01.2.3": false, "1.2.3beta": false, "1.2.3-beta": true} {
		if _, err := parseSemVer(in, false); (err == nil) != ok {
			t.Errorf("strict %q: err %v, want ok=%v", in, err, ok)
		}
	}
	checkBest(t, []bestCase{
		{">1.0", []string{"1.2.3beta", "=2.0.0", "v1.2", "1.2-rc1", "01.2", "latest"}, "=2.0.0"},
		{"*", []string{"v3", "=3.0.0", " 4.0.0"}, " 4.0.0"},
		{">1.0, loose=False", []string{"1.3", "2.0", "1.2.5"}, "1.2.5"},
	})
}

func TestMastermindsDiffIncludePrerelease(t *testing.T) {
	// A prerelease only matches when a comparator of the same set names a
	// prerelease of the same major.minor.patch; include_prerelease=True
	// lifts that. Masterminds lets 1.5.0-rc1 through ">=1.2.3-pre".
	checkBest(t, []bestCase{
		{">=1.2.3-pre", []string{"1.5.0-rc1", "1.2.3-pre.2", "1.2.3-pre", "1.2.3-alpha"}, "1.2.3-pre.2"},
		{">=1.2.3-pre, include_prerelease=True", []string{"1.5.0-rc1", "1.2.3-pre.2"}, "1.5.0-rc1"},
		{">=1.0", []string{"1.5.0-rc1", "1.0.0-rc1"}, ""},
		{"*", []string{"1.5.0-rc1"}, ""},
		{"*, include_prerelease=True", []string{"1.5.0-rc1"}, "1.5.0-rc1"},
		{"~1.2.3-beta", []string{"1.2.3-beta.2", "1.2.4-beta", "1.2.9"}, "1.2.9"},
	})
	if m, ok := mmCheck(">=1.2.3-pre", "1.5.0-rc1"); !ok || !m {
		t.Errorf("Masterminds changed: >=1.2.3-pre vs 1.5.0-rc1 = %v %v", m, ok)
	}
}

func TestMastermindsDiffOrUnion(t *testing.T) {
	// An empty alternative is "any version": "1.0 ||" matches everything.
	// Masterminds rejects such constraints.
	checkBest(t, []bestCase{
		{"1.0 ||", []string{"7.0.0", "0.0.1-rc1"}, "7.0.0"},
		{"|| 1.0", []string{"7.0.0"}, "7.0.0"},
		{"1.2||2.x", []string{"1.2.5", "2.9.9", "3.0.0"}, "2.9.9"},
		{">=1.0 <1.1 || >=3.0 <3.1", []string{"1.0.2", "1.1.1", "3.0.8", "3.1.0"}, "3.0.8"},
	})
	if _, ok := mmCheck("1.0 ||", "1.0.0"); ok {
		t.Errorf("Masterminds now accepts %q", "1.0 ||")
	}
}

func TestMastermindsDiffCommaAndSpaceSeparators(t *testing.T) {
	// node-semver separates comparators with spaces. Conan splits on ","
	// first: two version chunks are joined with a space and warned about,
	// a third is an error, the rest are loose/include_prerelease flags.
	r, err := ParseRange(">1.0,<2.0")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"WARN: Commas as separator in version '>1.0,<2.0' range are deprecated and will be removed in Conan 2.0"}
	if !slices.Equal(r.Warnings(), want) || r.Expr() != ">1.0 <2.0" || r.Desugared() != ">=1.1.0 <2.0.0" {
		t.Errorf("comma form: %q %q %q", r.Warnings(), r.Expr(), r.Desugared())
	}
	errs := map[string]string{
		">1.0,<2.0,<3.0":     "Invalid version range '>1.0,<2.0,<3.0'",
		"a,b,c,d,e":          "Invalid expression for version_range 'a,b,c,d,e'",
		"loose=False":        "Invalid version range 'loose=False'",
		">1.0, loose=false":  "Invalid version range '>1.0, loose=false', failed in chunk 'loose=false'",
		">1.0, foo?bar":      "Invalid version range '>1.0, foo?bar', failed in chunk 'foo?bar'",
		">1.0, loose":        "Invalid version range '>1.0, loose', failed in chunk 'loose'",
		"latest":             "version range expression 'latest' is not valid",
		">1.0 <2.0, >=, foo": "Invalid version range '>1.0 <2.0, >=, foo'",
	}
	for expr, msg := range errs {
		if _, err := ParseRange(expr); err == nil || err.Error() != msg {
			t.Errorf("ParseRange(%q) error %v, want %q", expr, err, msg)
		}
	}
	// Whitespace is Python's: tabs, newlines and U+00A0 separate too, and
	// "> 1.0" is trimmed to ">1.0".
	for _, expr := range []string{">1.0 <2.0", "> 1.0 < 2.0", ">1.0\t<2.0", ">1.0\n<2.0", ">1.0\u00a0<2.0"} {
		r, err := ParseRange(expr)
		if err != nil || r.Desugared() != ">=1.1.0 <2.0.0" {
			t.Errorf("[%q] = %v %v", expr, r, err)
		}
	}
}

func TestMastermindsDiffTilde(t *testing.T) {
	for expr, want := range map[string]string{
		"~1":          ">=1.0.0 <2.0.0",
		"~1.2":        ">=1.2.0 <1.3.0",
		"~1.2.3":      ">=1.2.3 <1.3.0",
		"~>1.2":       ">=1.2.0 <1.3.0",
		"~ 1.2":       ">=1.2.0 <1.3.0",
		"~1.2.3-beta": ">=1.2.3-beta <1.3.0",
		"~1.2.3--x":   ">=1.2.3-x <1.3.0", // the prerelease "-x" loses its hyphen
		"~*":          "",
		"~x":          "",
	} {
		if r, err := ParseRange(expr); err != nil || r.Desugared() != want {
			t.Errorf("[%s] desugars to %v %v, want %q", expr, r, err, want)
		}
	}
	// A lone "~" (or "^", "~>") is not "any": it is dropped, leaving nothing.
	for _, expr := range []string{"~", "^", "~>"} {
		if _, err := ParseRange(expr); err == nil {
			t.Errorf("[%s] accepted", expr)
		}
	}
	checkBest(t, []bestCase{
		{"~1", []string{"1.9.9", "2.0.0"}, "1.9.9"},
		{"~>1.2", []string{"1.2.9", "1.3.0"}, "1.2.9"},
		{"~ 1.2", []string{"1.2.9", "1.3.0"}, "1.2.9"},
	})
}

func TestMastermindsDiffCaret(t *testing.T) {
	for expr, want := range map[string]string{
		"^1.2.3": ">=1.2.3 <2.0.0",
		"^0.2":   ">=0.2.0 <0.3.0",
		"^0.2.3": ">=0.2.3 <0.3.0",
		"^0.0.3": ">=0.0.3 <0.0.4",
		"^0.0.x": ">=0.0.0 <0.1.0",
		"^0.0":   ">=0.0.0 <0.1.0",
		"^0":     ">=0.0.0 <1.0.0",
		// The zero test is textual: "00" is not "0".
		"^00.1.2": ">=0.1.2 <1.0.0",
	} {
		if r, err := ParseRange(expr); err != nil || r.Desugared() != want {
			t.Errorf("[%s] desugars to %v %v, want %q", expr, r, err, want)
		}
	}
	checkBest(t, []bestCase{
		{"^00.1.2", []string{"0.9.0", "1.0.0"}, "0.9.0"},
		{"^0.0.3", []string{"0.0.3", "0.0.4"}, "0.0.3"},
	})
	if m, ok := mmCheck("^00.1.2", "0.9.0"); ok && m {
		t.Errorf("Masterminds now agrees on ^00.1.2")
	}
}

func TestMastermindsDiffTildeEquals(t *testing.T) {
	// "~=" is not an operator; "=" is swallowed by the version's [v=\s]*
	// prefix, so "~=3.0" is "~3.0". Masterminds rejects it.
	r, err := ParseRange("~=3.0")
	if err != nil || r.Desugared() != ">=3.0.0 <3.1.0" {
		t.Fatalf("~=3.0: %v %v", r, err)
	}
	checkBest(t, []bestCase{{"~=3.0", []string{"1.1.1", "3.0.8", "3.1.0"}, "3.0.8"}})
	if _, ok := mmCheck("~=3.0", "3.0.8"); ok {
		t.Errorf("Masterminds now accepts ~=3.0")
	}
}

func TestMastermindsDiffStar(t *testing.T) {
	for expr, want := range map[string]string{
		"*": "", "": "", "x": "", "X": "", ">=*": "", "=*": "", "* *": "",
		">*": "<0.0.0", "<*": "<0.0.0",
		"1.*": ">=1.0.0 <2.0.0", "1.2.*": ">=1.2.0 <1.3.0",
	} {
		if r, err := ParseRange(expr); err != nil || r.Desugared() != want {
			t.Errorf("[%s] desugars to %v %v, want %q", expr, r, err, want)
		}
	}
	checkBest(t, []bestCase{
		{"*", []string{"3.0.0", "1.0"}, "3.0.0"},
		{"", []string{"3.0.0"}, "3.0.0"},
		{">*", []string{"3.0.0"}, ""},
		{">=*", []string{"3.0.0"}, "3.0.0"},
	})
	if m, ok := mmCheck(">*", "3.0.0"); ok && !m {
		t.Errorf("Masterminds now agrees on >*")
	}
}

func TestMastermindsDiffFourComponents(t *testing.T) {
	// "1.1.1.20" compares equal to "1.1.1" (the micro part only shows in
	// the text), so the first of equals in the input wins. Masterminds
	// cannot parse four components at all.
	checkBest(t, []bestCase{
		{"^1.1", []string{"1.0.2", "1.1.1", "1.1.1.20", "3.0.8"}, "1.1.1"},
		{"^1.1", []string{"1.1.1.20", "1.1.1", "3.0.8"}, "1.1.1.20"},
		{"=1.1.1", []string{"1.1.1.20"}, "1.1.1.20"},
		{">1.0", []string{"1.2.3.4", "1.2.3.10", "1.2.3"}, "1.2.3.4"},
	})
	if _, err := semver.NewVersion("1.1.1.20"); err == nil {
		t.Errorf("Masterminds now parses four components")
	}
	// In a range, "1.2.3.4" is not a comparator: loose mode drops it, and
	// with nothing left the range is not valid.
	if r, err := ParseRange("1.2.3.4"); err == nil {
		t.Errorf("[1.2.3.4] = %v", r.Desugared())
	}
	if r, err := ParseRange(">=1.0 1.2.3.4"); err != nil || r.Desugared() != ">=1.0.0" {
		t.Errorf("[>=1.0 1.2.3.4] = %v %v", r, err)
	}
}

func TestMastermindsDiffBuildMetadata(t *testing.T) {
	checkBest(t, []bestCase{
		{"1.2.3", []string{"1.2.3+b", "1.2.3+a", "1.2.3"}, "1.2.3+b"},
		{">=1.2.3+zzz", []string{"1.2.3+a"}, "1.2.3+a"},
		{"1.2.3+b - 1.2.4", []string{"1.2.3+a"}, "1.2.3+a"},
	})
}

func TestMastermindsDiffPrereleaseOrdering(t *testing.T) {
	checkBest(t, []bestCase{
		// numbers below strings, numbers numerically, longer wins on a tie
		{">=1.0.0-beta, include_prerelease=True",
			[]string{"1.0.0-beta.11", "1.0.0-beta.2", "1.0.0-beta.a", "1.0.0-beta.01"}, "1.0.0-beta.a"},
		// loose "01" equals "1"; the first one wins (Masterminds: "01" < "1")
		{">=1.0.0-0, include_prerelease=True", []string{"1.0.0-01", "1.0.0-1"}, "1.0.0-01"},
		{">=1.0.0-0, include_prerelease=True", []string{"1.0.0-1", "1.0.0-01"}, "1.0.0-1"},
		// beyond uint64 a numeric identifier is still a number
		{">=1.2.3-0, include_prerelease=True", []string{"1.2.3-18446744073709551616", "1.2.3-9"},
			"1.2.3-18446744073709551616"},
		{">=1.2.3-0, include_prerelease=True",
			[]string{"1.2.3-100000000000000000000", "1.2.3-99999999999999999999"},
			"1.2.3-100000000000000000000"},
	})
	// Masterminds compares numbers beyond uint64 as strings, so the fast
	// path must not use its Compare for them.
	x, err1 := semver.StrictNewVersion("1.2.3-100000000000000000000")
	y, err2 := semver.StrictNewVersion("1.2.3-99999999999999999999")
	if err1 != nil || err2 != nil || x.Compare(y) > 0 {
		t.Errorf("Masterminds now compares big numeric identifiers numerically")
	}
	if v := parseStrictFast("1.2.3-100000000000000000000"); v == nil || v.mm != nil {
		t.Errorf("fast path keeps Masterminds for a big prerelease number")
	}
}

func TestMastermindsDiffBigNumbers(t *testing.T) {
	checkBest(t, []bestCase{
		{"*", []string{"99999999999999999999.0.0", "18446744073709551615.0.0"}, "99999999999999999999.0.0"},
	})
	// Python's int() refuses more than 4300 digits: the version is not
	// SemVer, and a range using such a number is not valid.
	big := ""
	for range 4301 {
		big += "1"
	}
	_, found, out, err := Satisfying([]string{big + ".0.0"}, "*")
	if err != nil || found || len(out) != 1 {
		t.Errorf("4301-digit major: %v %v %q", found, err, out)
	}
	if _, err := ParseRange(">=" + big + ".0.0"); err == nil {
		t.Errorf("4301-digit range accepted")
	}
}

func TestMastermindsDiffHyphenAndXRanges(t *testing.T) {
	for expr, want := range map[string]string{
		"1.2.3 - 2":   ">=1.2.3 <3.0.0", // Masterminds: <=2.0.0
		"1.2 - 2.3.4": ">=1.2.0 <=2.3.4",
		"* - 2":       "<3.0.0",
		"<=1.2.x":     "<1.3.0",
		">1.x":        ">=2.0.0",
		">1.2":        ">=1.3.0",
		"=1.x":        ">=1.0.0 <2.0.0",
	} {
		if r, err := ParseRange(expr); err != nil || r.Desugared() != want {
			t.Errorf("[%s] desugars to %v %v, want %q", expr, r, err, want)
		}
	}
}

// TestMastermindsFastPath checks that the Masterminds shortcuts (strict
// parsing and Compare) agree with the regexp parser and node-semver's
// comparison on every version string of the oracle tables.
func TestMastermindsFastPath(t *testing.T) {
	var data struct {
		Versions []string `json:"versions"`
	}
	loadJSON(t, "ranges.json", &data)
	var model struct {
		CmpInputs []string `json:"cmp_inputs"`
	}
	loadJSON(t, "model.json", &model)
	inputs := append(data.Versions, model.CmpInputs...)
	inputs = append(inputs, "1.2.3-18446744073709551616", "18446744073709551615.1.1",
		"1.2.3-alpha.1+b.2", "0.0.0-0")
	var fast []*semVer
	for _, s := range inputs {
		f := parseStrictFast(pyStrip(s))
		if f == nil {
			continue
		}
		for _, loose := range []bool{false, true} {
			if !checkSlowParse(t, s, loose, f) {
				t.Errorf("fast path and regexp parser disagree on %q (loose=%v)", s, loose)
			}
		}
		fast = append(fast, f)
	}
	if len(fast) < 50 {
		t.Fatalf("only %d strict versions", len(fast))
	}
	for _, a := range fast {
		for _, b := range fast {
			a2, b2 := *a, *b
			a2.mm, b2.mm = nil, nil
			if compareSemVer(a, b) != compareSemVer(&a2, &b2) {
				t.Errorf("Masterminds Compare(%s, %s) disagrees", a.version, b.version)
			}
		}
	}
}

// checkSlowParse parses s with the regexp parser only and compares.
func checkSlowParse(t *testing.T, s string, loose bool, f *semVer) bool {
	t.Helper()
	re := reFull()
	if loose {
		re = reLoose()
	}
	st := pyStrip(s)
	m := re.FindStringSubmatchIndex(st)
	if m == nil {
		return false
	}
	slow := &semVer{major: mustNat(group(st, m, 1)), minor: mustNat(group(st, m, 2)),
		patch: mustNat(group(st, m, 3))}
	if p := group(st, m, 4); p != "" {
		slow.pre, _ = numberify(strings.Split(p, "."))
	}
	if b := group(st, m, 5); b != "" {
		slow.build = strings.Split(b, ".")
	}
	slow.format()
	return slow.version == f.version && slices.Equal(slow.pre, f.pre) &&
		slices.Equal(slow.build, f.build) && len(f.micro) == 0
}

func mustNat(s string) string {
	n, err := natFromDigits(s)
	if err != nil {
		panic(err)
	}
	return n
}
