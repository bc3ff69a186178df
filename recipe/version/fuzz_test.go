package version

import "testing"

var fuzzCandidates = []string{
	"0.0.1", "1", "1.0", "1.2.3", "1.2.3-beta", "1.2.3-beta.2", "1.2.3+b", "1.2.3.4",
	"1.2.4-pre", "2.0.0", "2.0.0-rc1", "v3.0.0", "=3.1.0", "10.0.0", "latest", "01.2",
}

// FuzzParseRange: ParseRange and everything done with its result never
// panic, Best agrees with Match, and the desugared text means the same as
// the expression. (Conan only ever sees valid UTF-8; other bytes are read as
// U+FFFD and must not panic either.)
func FuzzParseRange(f *testing.F) {
	for _, s := range []string{
		"", "*", ">1.0 <2.0", "~1.2, include_prerelease=True", ">=1.0, <2.0", "1.2 || 2.x",
		"^1.2.3", "~=3.0", "1.x", ">=1.2.3-pre", "1.2.3 - 2.3.4", "^0.0.x", "~1.2.3--x",
		">1.0, loose=False", "latest", "a,b,c,d,e", "1.0 ||", "> =1.2", "^00.1.2", ">*",
		"1.2.3\u00a0<2", "v1.2.3 - v2.3.4", ">=1.2.3+b", "~>1", "<=1.2.x",
	} {
		f.Add(s, "1.2.3")
	}
	f.Fuzz(func(t *testing.T, expr, version string) {
		r, err := ParseRange(expr)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error %T %v", err, err)
			}
			return
		}
		_ = r.Desugared()
		m := r.Match(version)
		best, _, found := r.Best([]string{version})
		if found != m || (found && best != version) {
			t.Fatalf("[%q] Match(%q) = %v but Best = %q %v", expr, version, m, best, found)
		}
		best, _, found = r.Best(append([]string{version}, fuzzCandidates...))
		if found && !r.Match(best) {
			t.Fatalf("[%q] Best = %q, which does not match", expr, best)
		}
		// The desugared text is itself a node-semver range meaning the same.
		if again, err := parseNodeRange(r.Desugared(), r.Loose()); err == nil {
			for _, v := range append([]string{version}, fuzzCandidates...) {
				sv, err := parseSemVer(v, r.Loose())
				if err != nil {
					continue
				}
				if again.test(sv, r.IncludePrerelease()) != r.nr.test(sv, r.IncludePrerelease()) {
					t.Fatalf("[%q] and its desugared form %q disagree on %q", expr, r.Desugared(), v)
				}
			}
		}
	})
}

// FuzzVersionCompare: comparisons of the three version classes never panic
// and are antisymmetric exactly where Python's are.
func FuzzVersionCompare(f *testing.F) {
	for _, p := range [][2]string{
		{"1.2.3", "1.2.4"}, {"4", "4.0.0"}, {"1.0+b", "1.0+a"}, {"1", "1.a"}, {"1.0.a", "1"},
		{"1.4.rc2", "1.4"}, {"1.2-rc", "1.2"}, {"1.2", "1.10"}, {"1.10", "1.1a"}, {" 1.2", "1.2"},
		{"1.2.3.4", "1.2.3"}, {"v1.2", "=1.2.0"}, {"1.\u00b2", "1"}, {"1.2.3-01", "1.2.3-1"},
		{"cci.20210118", "system"}, {"", "-"}, {"1.-2-x", "1.0-"},
	} {
		f.Add(p[0], p[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		checkModelAntisymmetry(t, a, b)

		sa, sb := ParseScmVersion(a), ParseScmVersion(b)
		if sa.Equal(sb) != sb.Equal(sa) || !sa.Equal(sa) || sa.Less(sa) {
			t.Fatalf("scm %q %q: equality not symmetric/reflexive", a, b)
		}
		if sa.Less(sb) && (sb.Less(sa) || sa.Equal(sb)) {
			t.Fatalf("scm %q < %q and also >= ", a, b)
		}
		_, _ = sa.Bump(1)
		_, _ = sa.UpperBound(-1)

		ta, errA := ParseToolsVersion(a)
		tb, errB := ParseToolsVersion(b)
		if errA == nil && errB == nil {
			if ta.Compare(tb) != -tb.Compare(ta) {
				t.Fatalf("tools %q %q: not antisymmetric", a, b)
			}
			_ = ta.String() + ta.Prerelease() + ta.Build()
		}

		// The Masterminds fast path must agree with the regexp parser.
		for _, s := range []string{a, b} {
			if fast := parseStrictFast(pyStrip(s)); fast != nil {
				for _, loose := range []bool{false, true} {
					if !checkSlowParse(t, s, loose, fast) {
						t.Fatalf("fast path disagrees on %q (loose=%v)", s, loose)
					}
				}
			}
		}
	})
}

// checkModelAntisymmetry checks Compare(a, b) == -Compare(b, a) except in
// the one case where Python's __cmp__ is not antisymmetric: one item list
// is a proper prefix of the other, not equal after zero padding, and the
// longer list's next item is a string (then both directions say -1).
func checkModelAntisymmetry(t *testing.T, a, b string) {
	va, errA := ParseVersion(a)
	vb, errB := ParseVersion(b)
	if errA != nil || errB != nil {
		return
	}
	ab, ba := Compare(va, vb), Compare(vb, va)
	short, long := va.items, vb.items
	if len(short) > len(long) {
		short, long = long, short
	}
	prefix := len(short) < len(long) && !va.equalItems(vb)
	for i := range short {
		prefix = prefix && short[i] == long[i]
	}
	if prefix && !long[len(short)].isNum {
		if ab != -1 || ba != -1 {
			t.Fatalf("model %q %q: %d %d, Python gives -1 both ways", a, b, ab, ba)
		}
		return
	}
	if ab != -ba {
		t.Fatalf("model %q %q: Compare %d and %d", a, b, ab, ba)
	}
	if Compare(va, va) != 0 {
		t.Fatalf("model %q: not equal to itself", a)
	}
}

// BenchmarkBest100 resolves a range over 100 candidate versions, about
// what a busy cache or remote holds for one package:
//
//	go test -run '^$' -bench Best100 -benchmem ./recipe/version/
func BenchmarkBest100(b *testing.B) {
	versions := make([]string, 0, 100)
	for major := 0; major < 5; major++ {
		for minor := 0; minor < 5; minor++ {
			for patch := 0; patch < 4; patch++ {
				v := string(rune('0'+major)) + "." + string(rune('0'+minor)) + "." + string(rune('0'+patch))
				switch patch {
				case 1:
					v += "-rc.1"
				case 2:
					v = v[:len(v)-2] // "1.2": a partial version, loose recovery
				}
				versions = append(versions, v)
			}
		}
	}
	r, err := ParseRange(">=1.2 <3.0 || ^4.1")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, ok := r.Best(versions); !ok {
			b.Fatal("no match")
		}
	}
}

// BenchmarkSatisfying100 includes parsing the expression, as Conan does
// once per requirement.
func BenchmarkSatisfying100(b *testing.B) {
	versions := make([]string, 100)
	for i := range versions {
		versions[i] = "1." + string(rune('0'+i/10)) + "." + string(rune('0'+i%10))
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, ok, _, err := Satisfying(versions, "~1.5, include_prerelease=True"); err != nil || !ok {
			b.Fatal("no match")
		}
	}
}
