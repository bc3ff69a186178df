package version

import (
	"strings"
	"sync"
	"sync/atomic"
)

// Range is a version range as Conan 1.65 understands the text between the
// brackets of a requirement such as "zlib/[>1.2 <2, include_prerelease=True]".
type Range struct {
	expr              string
	nodeExpr          string
	loose             bool
	includePrerelease bool
	warnings          []string
	nr                *nodeRange
}

var reRangeParam = lazyRegexp(func(g *grammar) string {
	return `^(include_prerelease|loose)` + g.pyS + `*=` + g.pyS + `*(True|False)$`
})

// isRangeVersionChunk is Conan's re_version: only [a-zA-Z0-9_+.\-~<>=|*^]
// and whitespace, and the words "loose" and "include_prerelease" nowhere.
func isRangeVersionChunk(s string) bool {
	if strings.Contains(s, "loose") || strings.Contains(s, "include_prerelease") {
		return false
	}
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		case strings.ContainsRune("_+.-~<>=|*^", r):
		case isPySpace(r):
		default:
			return false
		}
	}
	return true
}

// ParseRange parses a version range expression, the text inside "[...]",
// like Conan 1.65's range resolver:
//
//   - The text is split on ",". At most 4 chunks; the first one or two are
//     node-semver range text (two means the deprecated comma form, joined
//     with a space, which produces a warning, see Warnings), and the others
//     are "loose=True|False" or "include_prerelease=True|False" (later ones
//     win). Defaults: loose=True, include_prerelease=False.
//   - The range text is parsed by node-semver 0.6.1's Range. An empty text
//     matches everything, like "*". Loose mode silently drops words that are
//     not comparators ("1.2 foo" is "1.2"), while a text with nothing usable
//     ("latest") is an error.
//
// Errors are *Error values with Conan's messages: "Invalid expression for
// version_range '...'", "Invalid version range '...', failed in chunk
// '...'", "Invalid version range '...'" and "version range expression '...'
// is not valid". (Conan records the comma warning before it fails; the
// error alone is what it prints.)
func ParseRange(expr string) (*Range, error) {
	if v, ok := parsedRanges.Load(expr); ok {
		p := v.(parsedRange)
		return p.r, p.err
	}
	r, err := parseRange(expr)
	if parsedCount.Add(1) <= 4096 {
		parsedRanges.Store(expr, parsedRange{r, err})
	}
	return r, err
}

// parsedRanges keeps parses: a graph writes the same few ranges many
// times, and a Range does not change once parsed. At most 4096 are kept.
var (
	parsedRanges sync.Map // string -> parsedRange
	parsedCount  atomic.Int64
)

type parsedRange struct {
	r   *Range
	err error
}

func parseRange(expr string) (*Range, error) {
	chunks := strings.Split(expr, ",")
	if len(chunks) > 4 {
		return nil, conanError("Invalid expression for version_range '%s'", expr)
	}
	r := &Range{expr: expr, loose: true}
	var ranges []string
	for i, c := range chunks {
		c = pyStrip(c)
		var param []string
		if strings.HasPrefix(c, "include_prerelease") || strings.HasPrefix(c, "loose") {
			param = reRangeParam().FindStringSubmatch(c) // anchored at those words
		}
		isVersion := isRangeVersionChunk(c)
		switch {
		case param == nil && !isVersion:
			return nil, conanError("Invalid version range '%s', failed in chunk '%s'", expr, c)
		case isVersion && i > 1, param != nil && i == 0:
			return nil, conanError("Invalid version range '%s'", expr)
		case isVersion:
			ranges = append(ranges, c)
		case param[1] == "loose":
			r.loose = param[2] == "True"
		default:
			r.includePrerelease = param[2] == "True"
		}
	}
	if len(ranges) > 1 {
		r.warnings = append(r.warnings, "WARN: Commas as separator in version '"+expr+
			"' range are deprecated and will be removed in Conan 2.0")
	}
	r.nodeExpr = strings.Join(ranges, " ")
	nr, err := parseNodeRange(r.nodeExpr, r.loose)
	if err != nil {
		return nil, conanError("version range expression '%s' is not valid", r.nodeExpr)
	}
	r.nr = nr
	return r, nil
}

// String returns the expression as given to ParseRange.
func (r *Range) String() string { return r.expr }

// Expr returns the node-semver range text: the version chunks of the
// expression, stripped and joined with a space.
func (r *Range) Expr() string { return r.nodeExpr }

// Desugared returns node-semver's normalised form of the range (its
// Range.range attribute): "||"-separated sets of plain comparators, e.g.
// "~1.2" gives ">=1.2.0 <1.3.0" and "*" gives "".
func (r *Range) Desugared() string { return r.nr.text }

// Loose reports the loose flag (true unless ", loose=False").
func (r *Range) Loose() bool { return r.loose }

// IncludePrerelease reports the include_prerelease flag.
func (r *Range) IncludePrerelease() bool { return r.includePrerelease }

// Warnings returns the warnings Conan prints for the expression itself: the
// deprecation warning of the comma form, with its "WARN: " prefix.
func (r *Range) Warnings() []string { return append([]string(nil), r.warnings...) }

// Match reports whether version satisfies the range, parsing it in the
// range's loose mode; a version that does not parse never matches. It is
// the test Best applies to each candidate.
func (r *Range) Match(version string) bool {
	sv, err := parseSemVer(version, r.loose)
	if err != nil {
		return false
	}
	return r.nr.test(sv, r.includePrerelease)
}

// Best returns what Conan's satisfying() returns for the candidate
// versions: the highest one that matches, by node-semver's ordering.
//
// Versions that do not parse as (loose or strict) SemVer are skipped, each
// with the warning "WARN: Version '...' is not semver, cannot be compared
// with a range", in input order. Among matching versions that compare equal
// ("1.1.1" and "1.1.1.20", "1.0" and "1.0.0", "1.0+a" and "1.0+b"), the one
// that comes first in versions wins: Conan keys its candidates by SemVer
// objects, which hash by identity, so nothing collapses and max_satisfying
// only replaces its pick with a strictly greater version. found is false
// when nothing matches.
func (r *Range) Best(versions []string) (best string, warnings []string, found bool) {
	var bestSV *semVer
	for _, v := range versions {
		sv, err := cachedSemVer(v, r.loose)
		if err != nil {
			warnings = append(warnings, "WARN: Version '"+v+"' is not semver, cannot be compared with a range")
			continue
		}
		if !r.nr.test(sv, r.includePrerelease) {
			continue
		}
		if bestSV == nil || compareSemVer(bestSV, sv) == -1 {
			best, bestSV = v, sv
		}
	}
	return best, warnings, bestSV != nil
}

// semVers caches parsed versions (semVerKey -> semVerResult): a
// resolution tests the same few version strings against many ranges. A
// parsed version is never changed.
var semVers sync.Map

type semVerKey struct {
	s     string
	loose bool
}

type semVerResult struct {
	v   *semVer
	err error
}

func cachedSemVer(s string, loose bool) (*semVer, error) {
	k := semVerKey{s, loose}
	if r, ok := semVers.Load(k); ok {
		res := r.(semVerResult)
		return res.v, res.err
	}
	v, err := parseSemVer(s, loose)
	semVers.Store(k, semVerResult{v, err})
	return v, err
}

// Satisfying is Conan's satisfying(versions, expr, output): it parses expr,
// picks the best version, and returns the lines Conan appends to the range
// resolver's output (the comma warning first, then one warning per version
// that is not SemVer).
func Satisfying(versions []string, expr string) (best string, found bool, output []string, err error) {
	r, err := ParseRange(expr)
	if err != nil {
		return "", false, nil, err
	}
	best, warns, found := r.Best(versions)
	return best, found, append(r.Warnings(), warns...), nil
}

// RangeWarnings are the lines Satisfying's output starts with whatever
// the versions: those about expr itself.
func RangeWarnings(expr string) []string {
	r, err := ParseRange(expr)
	if err != nil {
		return nil
	}
	return r.Warnings()
}
