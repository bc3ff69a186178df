package version

import (
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/Masterminds/semver/v3"
)

// This file implements the SemVer class of python-node-semver 0.6.1 (the
// "semver" module Conan 1.65 imports): parsing in loose and strict mode,
// formatting and comparison. Range parsing is in noderange.go.
//
// Why not just Masterminds/semver: node-semver's loose mode accepts far more
// than Masterminds' NewVersion ("v=1.2.3", "1.2.3beta", "1.2.3.4", "1.2-rc1",
// "1.2.3\n.4", leading zeros in prerelease numbers), it keeps a fourth
// "micro" component that is printed but never compared, its integers are
// unbounded (Python ints), and \d and \s follow Python's Unicode rules.
// Masterminds is used where it provably agrees: StrictNewVersion as a fast
// path for ASCII strings that are strict SemVer, and Version.Compare for two
// such versions (see parseSemVer and compareSemVer).

// The grammar of node-semver 0.6.1, in its own terms. \s and \d carry
// Python's meaning (Unicode whitespace, Unicode decimal digits), spelled
// as classes of every such character: the texts come to 140 KB, made on
// first use rather than by every run at startup.
type grammar struct {
	pyS, numericIdentifier, prereleaseLoose, fullPlain, loosePlain, gtlt, xrangePlain, xrangePlainLoose string
}

var theGrammar = sync.OnceValue(func() *grammar {
	pyS := "[" + classOf(pySpaceRanges[:]) + "]"
	pyD := "[" + classOf(pyDecimalRanges[:]) + "]"
	numericIdentifier := `0|[1-9]` + pyD + `*`
	numericIdentifierLoose := `[0-9]+`
	nonNumericIdentifier := pyD + `*[a-zA-Z-][a-zA-Z0-9-]*`
	mainVersion := `(` + numericIdentifier + `)\.(` + numericIdentifier + `)\.(` +
		numericIdentifier + `)`
	mainVersionLoose := `(` + numericIdentifierLoose + `)\.(` + numericIdentifierLoose +
		`)\.(` + numericIdentifierLoose + `)`
	prereleaseIdentifier := `(?:` + numericIdentifier + `|` + nonNumericIdentifier + `)`
	prereleaseIdentifierLoose := `(?:` + numericIdentifierLoose + `|` + nonNumericIdentifier + `)`
	prerelease := `(?:-(` + prereleaseIdentifier + `(?:\.` + prereleaseIdentifier + `)*))`
	// The hyphen is optional in loose mode: "1.2.3beta".
	prereleaseLoose := `(?:-?(` + prereleaseIdentifierLoose + `(?:\.` +
		prereleaseIdentifierLoose + `)*))`
	buildIdentifier := `[0-9A-Za-z-]+`
	build := `(?:\+(` + buildIdentifier + `(?:\.` + buildIdentifier + `)*))`
	fullPlain := `v?` + mainVersion + prerelease + `?` + build + `?`
	loosePlain := `[v=` + pyS[1:len(pyS)-1] + `]*` + mainVersionLoose + prereleaseLoose + `?` + build + `?`
	gtlt := `((?:<|>)?=?)`
	xrangeIdentifierLoose := numericIdentifierLoose + `|x|X|\*`
	xrangeIdentifier := numericIdentifier + `|x|X|\*`
	xrangePlain := `[v=` + pyS[1:len(pyS)-1] + `]*(` + xrangeIdentifier + `)(?:\.(` +
		xrangeIdentifier + `)(?:\.(` + xrangeIdentifier + `)(?:` + prerelease + `)?` +
		build + `?)?)?`
	xrangePlainLoose := `[v=` + pyS[1:len(pyS)-1] + `]*(` + xrangeIdentifierLoose + `)(?:\.(` +
		xrangeIdentifierLoose + `)(?:\.(` + xrangeIdentifierLoose + `)(?:` + prereleaseLoose +
		`)?` + build + `?)?)?`
	return &grammar{pyS, numericIdentifier, prereleaseLoose, fullPlain, loosePlain, gtlt, xrangePlain, xrangePlainLoose}
})

// The expressions, compiled on first use.
var (
	reFull = lazyRegexp(func(g *grammar) string {
		return `^` + g.fullPlain + `$`
	})
	reLoose = lazyRegexp(func(g *grammar) string {
		return `^` + g.loosePlain + `$`
	})
	reRecovery = lazyRegexp(func(g *grammar) string {
		return `^v?(` + g.numericIdentifier + `)(?:\.(` +
			g.numericIdentifier + `))?` + g.prereleaseLoose + `?`
	})
	reXRange = lazyRegexp(func(g *grammar) string {
		return `^` + g.gtlt + g.pyS + `*` + g.xrangePlain + `$`
	})
	reXRangeLoose = lazyRegexp(func(g *grammar) string {
		return `^` + g.gtlt + g.pyS + `*` + g.xrangePlainLoose + `$`
	})
	reTildeTrim = lazyRegexp(func(g *grammar) string {
		return `(` + g.pyS + `*)(?:~>?)` + g.pyS + `+`
	})
	reTilde = lazyRegexp(func(g *grammar) string {
		return `^(?:~>?)` + g.xrangePlain + `$`
	})
	reTildeLoose = lazyRegexp(func(g *grammar) string {
		return `^(?:~>?)` + g.xrangePlainLoose + `$`
	})
	reCaretTrim = lazyRegexp(func(g *grammar) string {
		return `(` + g.pyS + `*)(?:\^)` + g.pyS + `+`
	})
	reCaret = lazyRegexp(func(g *grammar) string {
		return `^(?:\^)` + g.xrangePlain + `$`
	})
	reCaretLoose = lazyRegexp(func(g *grammar) string {
		return `^(?:\^)` + g.xrangePlainLoose + `$`
	})
	reComparatorLoose = lazyRegexp(func(g *grammar) string {
		return `^` + g.gtlt + g.pyS + `*(` + g.loosePlain + `)$|^$`
	})
	reComparator = lazyRegexp(func(g *grammar) string {
		return `^` + g.gtlt + g.pyS + `*(` + g.fullPlain + `)$|^$`
	})
	reComparatorTrim = lazyRegexp(func(g *grammar) string {
		return `(` + g.pyS + `*)` + g.gtlt + g.pyS + `*(` + g.loosePlain +
			`|` + g.xrangePlain + `)`
	})
	reHyphenRange = lazyRegexp(func(g *grammar) string {
		return `^` + g.pyS + `*(` + g.xrangePlain + `)` + g.pyS + `+-` +
			g.pyS + `+(` + g.xrangePlain + `)` + g.pyS + `*$`
	})
	reHyphenRangeLoose = lazyRegexp(func(g *grammar) string {
		return `^` + g.pyS + `*(` + g.xrangePlainLoose + `)` + g.pyS +
			`+-` + g.pyS + `+(` + g.xrangePlainLoose + `)` + g.pyS + `*$`
	})
	reStar = lazyRegexp(func(g *grammar) string {
		return `(<|>)?=?` + g.pyS + `*\*`
	})
)

// ident is one prerelease identifier: a Python int (canonical digits) or a
// str.
type ident struct {
	s     string
	isNum bool
}

func (i ident) String() string { return i.s }

// semVer is python-node-semver's SemVer object.
type semVer struct {
	major, minor, patch string // canonical decimal digits, unbounded
	pre                 []ident
	build               []string
	micro               []string // the "1.2.3.4" fourth (and later) numbers
	version             string   // SemVer.version, as format() builds it

	// mm is set when the version went through Masterminds' strict parser and
	// every numeric prerelease identifier fits in a uint64, so that
	// Masterminds' Compare gives node-semver's answer.
	mm *semver.Version
}

func invalidVersion(raw string) error { return valueError("Invalid Version: " + raw) }

// parseSemVer is SemVer(raw, loose). Errors are the ValueErrors Python
// raises (Conan only ever checks that there was one).
func parseSemVer(raw string, loose bool) (*semVer, error) {
	s := pyStrip(raw)
	if v := parseStrictFast(s); v != nil {
		return v, nil
	}
	re := reFull()
	if loose {
		re = reLoose()
	}
	if m := re.FindStringSubmatchIndex(s); m != nil {
		v := &semVer{}
		var err error
		if v.major, err = natFromDigits(group(s, m, 1)); err != nil {
			return nil, err
		}
		if v.minor, err = natFromDigits(group(s, m, 2)); err != nil {
			return nil, err
		}
		if v.patch, err = natFromDigits(group(s, m, 3)); err != nil {
			return nil, err
		}
		if pre := group(s, m, 4); pre != "" {
			if v.pre, err = numberify(strings.Split(pre, ".")); err != nil {
				return nil, err
			}
		}
		if b := group(s, m, 5); b != "" {
			v.build = strings.Split(b, ".")
		}
		v.format()
		return v, nil
	}
	if !loose {
		return nil, invalidVersion(raw)
	}
	return recoverLoose(raw, s)
}

// recoverLoose is node-semver 0.6.1's own addition to loose parsing (not in
// the JavaScript original): versions with one or two numbers ("1", "1.2",
// "1.2-rc1") and with more than three ("1.2.3.4", whose extra numbers become
// micro versions). Notable consequences, all reproduced here:
//   - "01.2" recovers as 0.0.0-1.2: the leading "0" is the major and "1.2"
//     is read as a hyphen-less prerelease.
//   - when a prerelease is recognised right after "M" or "M.m", whatever
//     follows it is ignored ("1.2-rc1!!" is 1.2.0-rc1);
//   - otherwise the rest is split on "." and each piece must be a number, or
//     contain "-" (pieces go to the prerelease, numbers to micro) or "+"
//     (pieces go to build).
func recoverLoose(raw, s string) (*semVer, error) {
	m := reRecovery().FindStringSubmatchIndex(s)
	if m == nil {
		return nil, invalidVersion(raw)
	}
	v := &semVer{minor: "0", patch: "0"}
	var err error
	if v.major, err = natFromDigits(group(s, m, 1)); err != nil {
		return nil, err
	}
	if g := group(s, m, 2); g != "" {
		if v.minor, err = natFromDigits(g); err != nil {
			return nil, err
		}
	}
	if g := group(s, m, 3); g != "" {
		if v.pre, err = numberify(strings.Split(g, ".")); err != nil {
			return nil, err
		}
		v.format()
		return v, nil
	}
	var ids []string
	for _, id := range strings.Split(s[m[1]:], ".") {
		if id != "" {
			ids = append(ids, id)
		}
	}
	if len(ids) > 0 && isPyNumeric(ids[0]) {
		if v.patch, err = natFromDigits(ids[0]); err != nil {
			return nil, err
		}
		ids = ids[1:]
	}
	var pre []string
	for _, id := range ids {
		var parts []string
		var dst *[]string
		switch {
		case strings.Contains(id, "-"):
			parts, dst = strings.Split(id, "-"), &pre
		case strings.Contains(id, "+"):
			parts, dst = strings.Split(id, "+"), &v.build
		default:
			parts = []string{id}
		}
		for _, k := range parts {
			switch {
			case isPyNumeric(k):
				n, err := natFromDigits(k)
				if err != nil {
					return nil, err
				}
				v.micro = append(v.micro, n)
			case dst == nil:
				return nil, invalidVersion(raw)
			default:
				*dst = append(*dst, k)
			}
		}
	}
	if v.pre, err = numberify(pre); err != nil {
		return nil, err
	}
	v.format()
	return v, nil
}

// numberify turns numeric prerelease identifiers into ints.
func numberify(ids []string) ([]ident, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	out := make([]ident, len(ids))
	for i, id := range ids {
		if isPyNumeric(id) {
			n, err := natFromDigits(id)
			if err != nil {
				return nil, err
			}
			out[i] = ident{s: n, isNum: true}
		} else {
			out[i] = ident{s: id}
		}
	}
	return out, nil
}

// parseStrictFast parses s with Masterminds' StrictNewVersion. For an
// ASCII string it accepts, node-semver's strict and loose parsers both give
// the same major, minor, patch, prerelease and build (numbers without
// leading zeros, identifiers from [0-9A-Za-z-]); everything else (the "v"
// prefix, leading zeros, partial versions, numbers beyond uint64, strings
// over 256 bytes, non-ASCII digits) is left to the regexp parser.
func parseStrictFast(s string) *semVer {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return nil
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return nil
		}
	}
	mm, err := semver.StrictNewVersion(s)
	if err != nil {
		return nil
	}
	v := &semVer{
		major: strconv.FormatUint(mm.Major(), 10),
		minor: strconv.FormatUint(mm.Minor(), 10),
		patch: strconv.FormatUint(mm.Patch(), 10),
		mm:    mm,
	}
	if p := mm.Prerelease(); p != "" {
		for _, id := range strings.Split(p, ".") {
			num := isASCIIDigits(id)
			if num {
				if _, err := strconv.ParseUint(id, 10, 64); err != nil {
					// Masterminds would compare it as a string.
					v.mm = nil
				}
			}
			v.pre = append(v.pre, ident{s: id, isNum: num})
		}
	}
	if b := mm.Metadata(); b != "" {
		v.build = strings.Split(b, ".")
	}
	v.format()
	return v
}

func isASCIIDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// format sets v.version like SemVer.format(): "M.m.p", then "-pre" or, only
// when there is no prerelease, ".micro". Build metadata is never printed.
func (v *semVer) format() {
	var b strings.Builder
	b.WriteString(v.major)
	b.WriteByte('.')
	b.WriteString(v.minor)
	b.WriteByte('.')
	b.WriteString(v.patch)
	if len(v.pre) > 0 {
		b.WriteByte('-')
		for i, id := range v.pre {
			if i > 0 {
				b.WriteByte('.')
			}
			b.WriteString(id.s)
		}
	} else if len(v.micro) > 0 {
		b.WriteByte('.')
		b.WriteString(strings.Join(v.micro, "."))
	}
	v.version = b.String()
}

// compareSemVer is SemVer.compare: major, minor, patch numerically, then
// the prerelease. Micro versions and build metadata are ignored, so
// "1.2.3.4" == "1.2.3" == "1.2.3+b".
func compareSemVer(a, b *semVer) int {
	if a.mm != nil && b.mm != nil {
		return a.mm.Compare(b.mm)
	}
	if c := cmpNat(a.major, b.major); c != 0 {
		return c
	}
	if c := cmpNat(a.minor, b.minor); c != 0 {
		return c
	}
	if c := cmpNat(a.patch, b.patch); c != 0 {
		return c
	}
	return comparePre(a.pre, b.pre)
}

// comparePre is SemVer.compare_pre: no prerelease sorts after any
// prerelease; identifiers compare numbers numerically and below strings,
// strings by code point; a longer list wins when one is a prefix of the
// other.
func comparePre(a, b []ident) int {
	switch {
	case len(a) == 0 && len(b) == 0:
		return 0
	case len(a) == 0:
		return 1
	case len(b) == 0:
		return -1
	}
	for i := 0; ; i++ {
		switch {
		case i >= len(a) && i >= len(b):
			return 0
		case i >= len(b):
			return 1
		case i >= len(a):
			return -1
		}
		if c := compareIdent(a[i], b[i]); c != 0 {
			return c
		}
	}
}

func compareIdent(a, b ident) int {
	switch {
	case a.isNum && b.isNum:
		return cmpNat(a.s, b.s)
	case a.isNum:
		return -1
	case b.isNum:
		return 1
	}
	return strings.Compare(a.s, b.s)
}

// group returns submatch i of a FindStringSubmatchIndex result, "" when it
// did not participate.
func group(s string, m []int, i int) string {
	if m[2*i] < 0 {
		return ""
	}
	return s[m[2*i]:m[2*i+1]]
}

// hasGroup reports whether submatch i participated (Python's group is not
// None).
func hasGroup(m []int, i int) bool { return m[2*i] >= 0 }

// lazyRegexp compiles expr on first use. The package has some twenty
// expressions, compiling them takes a millisecond, and most runs of conid
// (a cached result, a graph without ranges) use none.
func lazyRegexp(expr func(*grammar) string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr(theGrammar())) })
}
