package version

import (
	"regexp"
	"strings"
)

// This file implements python-node-semver 0.6.1's Range: the text is split
// on "||", each part is desugared (hyphen ranges, "> 1.2" trimming, carets,
// tildes, X-ranges, stars) into plain comparators, and a version matches
// when it satisfies every comparator of some part.
//
// Masterminds' Constraints cannot stand in for this: it has no loose mode,
// ignores four-component versions differently, desugars "^0.0.x", "~1",
// "<=1.2.x", ">1.x", "~>" and hyphen ranges with partial versions in its own
// way, treats "," as AND, applies its own prerelease policy, and reports
// errors where node-semver silently drops a comparator ("latest foo" in
// loose mode). The desugaring below is node-semver's, step by step.

// comparator is node-semver's Comparator: an operator ("", "=", "<", "<=",
// ">", ">=") and a version, or "any" when sv is nil.
type comparator struct {
	op    string
	sv    *semVer
	value string // Comparator.value: operator + version, "" for any
}

func (c comparator) test(v *semVer) bool {
	if c.sv == nil {
		return true
	}
	cmp := compareSemVer(v, c.sv)
	switch c.op {
	case "", "=":
		return cmp == 0
	case ">":
		return cmp > 0
	case ">=":
		return cmp >= 0
	case "<":
		return cmp < 0
	default: // "<="; the grammar allows no other operator
		return cmp <= 0
	}
}

// nodeRange is node-semver's Range: a union of comparator sets.
type nodeRange struct {
	loose bool
	set   [][]comparator
	text  string // Range.range, the desugared text
}

var reOrSplit = lazyRegexp(func(g *grammar) string { return g.pyS + `*\|\|` + g.pyS + `*` })

// parseNodeRange is Range(text, loose). Errors are Python ValueErrors.
func parseNodeRange(text string, loose bool) (*nodeRange, error) {
	r := &nodeRange{loose: loose}
	alts := []string{text}
	if strings.Contains(text, "||") {
		alts = reOrSplit().Split(text, -1)
	}
	for _, part := range alts {
		comps, err := parseRangePart(pyStrip(part), loose)
		if err != nil {
			return nil, err
		}
		if len(comps) > 0 {
			r.set = append(r.set, comps)
		}
	}
	if len(r.set) == 0 {
		return nil, valueError("Invalid SemVer Range: " + text)
	}
	parts := make([]string, len(r.set))
	for i, comps := range r.set {
		vals := make([]string, len(comps))
		for j, c := range comps {
			vals[j] = c.value
		}
		parts[i] = pyStrip(strings.Join(vals, " "))
	}
	r.text = pyStrip(strings.Join(parts, "||"))
	return r, nil
}

// parseRangePart is Range.parse_range for one "||" alternative.
func parseRangePart(s string, loose bool) ([]comparator, error) {
	if comps, ok := plainRangePart(s, loose); ok {
		return comps, nil
	}
	return desugarRangePart(s, loose)
}

// plainRangePart is parseRangePart for the text nearly every recipe
// writes: words of an optional operator, caret or tilde and one to three
// plain numbers ("[>=1.0 <2]", "[~1.2]"). For such text the hyphen, trim
// and star steps change nothing, and each word goes through one of the
// caret, tilde or X-range replacements, here the same functions but
// without the regular expressions, which take a millisecond to compile
// (a process parses a handful of ranges). ok is false for any other text,
// and where a step fails, so that desugarRangePart gives node-semver's
// error.
func plainRangePart(s string, loose bool) (comps []comparator, ok bool) {
	// What reCaret's or reTilde's groups (M m p pre build), or reXRange's
	// (op M m p pre build), would hold for one word.
	var mi [14]int
	for w := range strings.SplitSeq(s, " ") {
		if w == "" {
			continue
		}
		for i := range mi {
			mi[i] = -1
		}
		mi[0], mi[1] = 0, len(w)
		n, g := 0, 2 // g: where the major number's group goes
		replace := replaceXRange
		switch {
		case strings.HasPrefix(w, "^"):
			n, replace = 1, replaceCaret
		case strings.HasPrefix(w, "~>"):
			n, replace = 2, replaceTilde
		case strings.HasPrefix(w, "~"):
			n, replace = 1, replaceTilde
		default:
			for n < 2 && n < len(w) && strings.IndexByte("<>=", w[n]) >= 0 {
				n++
			}
			if op := w[:n]; op != "" && op != "<" && op != ">" && op != "=" && op != "<=" && op != ">=" {
				return nil, false
			}
			mi[2], mi[3], g = 0, n, 4
		}
		for last := g + 4; ; g += 2 { // major, minor, patch
			start := n
			for n < len(w) && w[n] >= '0' && w[n] <= '9' {
				n++
			}
			// numericIdentifier: 0, or no leading zero
			if n == start || w[start] == '0' && n-start > 1 {
				return nil, false
			}
			mi[g], mi[g+1] = start, n
			if n == len(w) {
				break
			}
			if w[n] != '.' || g == last {
				return nil, false
			}
			n++
		}
		rep, err := replace(w, mi[:])
		if err != nil {
			return nil, false
		}
		for c := range strings.SplitSeq(rep, " ") {
			// The comparator's operator, then its version: complete,
			// as the replacements give them for plain numbers.
			n := 0
			for n < len(c) && strings.IndexByte("<>=", c[n]) >= 0 {
				n++
			}
			sv, err := parseSemVer(c[n:], loose)
			if err != nil {
				return nil, false
			}
			comps = append(comps, comparator{op: c[:n], sv: sv, value: c[:n] + sv.version})
		}
	}
	return comps, len(comps) > 0
}

// desugarRangePart is parseRangePart step by step, as node-semver does it.
func desugarRangePart(s string, loose bool) ([]comparator, error) {
	hyphen, xr, tilde, caret, comp := reHyphenRange(), reXRange(), reTilde(), reCaret(), reComparator()
	if loose {
		hyphen, xr, tilde, caret, comp = reHyphenRangeLoose(), reXRangeLoose(), reTildeLoose(),
			reCaretLoose(), reComparatorLoose()
	}

	// "1.2.3 - 1.2.4" => ">=1.2.3 <=1.2.4" (anchored: all or nothing).
	if m := hyphen.FindStringSubmatchIndex(s); m != nil {
		rep, err := hyphenReplace(s, m)
		if err != nil {
			return nil, err
		}
		s = s[:m[0]] + rep + s[m[1]:]
	}
	// "> 1.2.3 < 1.2.5" => ">1.2.3 <1.2.5", "~ 1.2" => "~1.2", "^ 1.2" => "^1.2".
	s = reComparatorTrim().ReplaceAllString(s, "${1}${2}${3}")
	s = reTildeTrim().ReplaceAllString(s, "${1}~")
	s = reCaretTrim().ReplaceAllString(s, "${1}^")
	s = strings.Join(pySplitWS(s), " ")

	words := strings.Split(s, " ")
	desugared := make([]string, len(words))
	for i, w := range words {
		d, err := desugarComparator(w, caret, tilde, xr)
		if err != nil {
			return nil, err
		}
		desugared[i] = d
	}
	var comps []comparator
	for _, c := range pySplitWS(strings.Join(desugared, " ")) {
		m := comp.FindStringSubmatchIndex(c)
		if m == nil {
			if loose {
				continue // loose mode drops what is not a comparator
			}
			return nil, valueError("Invalid comparator: " + c)
		}
		cmp := comparator{op: group(c, m, 1)}
		if hasGroup(m, 2) {
			sv, err := parseSemVer(group(c, m, 2), loose)
			if err != nil {
				return nil, err
			}
			cmp.sv = sv
			cmp.value = cmp.op + sv.version
		}
		comps = append(comps, cmp)
	}
	return comps, nil
}

// desugarComparator is parse_comparator: carets, then tildes, then X-ranges
// (each on every whitespace-separated word produced so far), then stars are
// deleted.
func desugarComparator(w string, caret, tilde, xr *regexp.Regexp) (string, error) {
	steps := []struct {
		re  *regexp.Regexp
		rep func(string, []int) (string, error)
	}{{caret, replaceCaret}, {tilde, replaceTilde}, {xr, replaceXRange}}
	for _, st := range steps {
		words := pySplitWS(pyStrip(w))
		for i, x := range words {
			x = pyStrip(x)
			if m := st.re.FindStringSubmatchIndex(x); m != nil {
				rep, err := st.rep(x, m)
				if err != nil {
					return "", err
				}
				x = x[:m[0]] + rep + x[m[1]:]
			}
			words[i] = x
		}
		w = strings.Join(words, " ")
	}
	return reStar().ReplaceAllString(pyStrip(w), ""), nil
}

// isX is node-semver's is_x: a missing part, "", "x", "X" or "*".
func isX(s string, present bool) bool {
	return !present || s == "" || strings.ToLower(s) == "x" || s == "*"
}

// plusOne is str(int(s) + 1) for a digit string s.
func plusOne(s string) (string, error) {
	n, err := natFromDigits(s)
	if err != nil {
		return "", err
	}
	return incNat(n)
}

// xparts holds the major, minor, patch and prerelease groups of an X-range
// match starting at group index first.
type xparts struct {
	M, m, p, pr     string
	hM, hm, hp, hpr bool
}

func xpartsOf(s string, mi []int, first int) xparts {
	return xparts{
		M: group(s, mi, first), m: group(s, mi, first+1), p: group(s, mi, first+2),
		pr: group(s, mi, first+3),
		hM: hasGroup(mi, first), hm: hasGroup(mi, first+1), hp: hasGroup(mi, first+2),
		hpr: hasGroup(mi, first+3),
	}
}

// replaceCaret: ^1.2.3 => >=1.2.3 <2.0.0, ^0.2.3 => >=0.2.3 <0.3.0,
// ^0.0.3 => >=0.0.3 <0.0.4, ^1.2 => >=1.2.0 <2.0.0, ^0.2 => >=0.2.0 <0.3.0,
// ^1 => >=1.0.0 <2.0.0, ^ and ^x => "" (any). "Zero" means the literal text
// "0": ^00.1.2 is treated as a non-zero major.
func replaceCaret(s string, mi []int) (string, error) {
	x := xpartsOf(s, mi, 1)
	M, m, p := x.M, x.m, x.p
	switch {
	case isX(M, x.hM):
		return "", nil
	case isX(m, x.hm):
		M1, err := plusOne(M)
		if err != nil {
			return "", err
		}
		return ">=" + M + ".0.0 <" + M1 + ".0.0", nil
	case isX(p, x.hp):
		if M == "0" {
			m1, err := plusOne(m)
			if err != nil {
				return "", err
			}
			return ">=" + M + "." + m + ".0 <" + M + "." + m1 + ".0", nil
		}
		M1, err := plusOne(M)
		if err != nil {
			return "", err
		}
		return ">=" + M + "." + m + ".0 <" + M1 + ".0.0", nil
	}
	pr := ""
	if x.pr != "" {
		pr = x.pr
		if pr[0] != '-' {
			pr = "-" + pr
		}
	}
	lo := ">=" + M + "." + m + "." + p + pr
	switch {
	case M == "0" && m == "0":
		p1, err := plusOne(p)
		if err != nil {
			return "", err
		}
		return lo + " <" + M + "." + m + "." + p1, nil
	case M == "0":
		m1, err := plusOne(m)
		if err != nil {
			return "", err
		}
		return lo + " <" + M + "." + m1 + ".0", nil
	}
	M1, err := plusOne(M)
	if err != nil {
		return "", err
	}
	return lo + " <" + M1 + ".0.0", nil
}

// replaceTilde: ~1.2.3 => >=1.2.3 <1.3.0, ~1.2 => >=1.2.0 <1.3.0,
// ~1 => >=1.0.0 <2.0.0, ~ => "" (any). "~>" is the same as "~". A
// prerelease that itself starts with "-" ("~1.2.3--x") loses that hyphen
// in the output, exactly as in node-semver 0.6.1.
func replaceTilde(s string, mi []int) (string, error) {
	x := xpartsOf(s, mi, 1)
	M, m, p := x.M, x.m, x.p
	switch {
	case isX(M, x.hM):
		return "", nil
	case isX(m, x.hm):
		M1, err := plusOne(M)
		if err != nil {
			return "", err
		}
		return ">=" + M + ".0.0 <" + M1 + ".0.0", nil
	}
	m1, err := plusOne(m)
	if err != nil {
		return "", err
	}
	if isX(p, x.hp) {
		return ">=" + M + "." + m + ".0 <" + M + "." + m1 + ".0", nil
	}
	pr := ""
	if x.pr != "" {
		pr = x.pr
		if pr[0] != '-' {
			pr = "-" + pr
		}
	}
	return ">=" + M + "." + m + "." + p + pr + " <" + M + "." + m1 + ".0", nil
}

// replaceXRange: 1.2.x => >=1.2.0 <1.3.0, >1.2 => >=1.3.0, <=1.2 => <1.3.0,
// >=1.x => >=1.0.0, >* and <* => <0.0.0 (nothing), * and >=* => * (any).
// A complete version ("1.2.3", ">1.2.3") is left as it is.
func replaceXRange(s string, mi []int) (string, error) {
	op := group(s, mi, 1)
	x := xpartsOf(s, mi, 2)
	xM := isX(x.M, x.hM)
	xm := xM || isX(x.m, x.hm)
	xp := xm || isX(x.p, x.hp)
	if op == "=" && xp {
		op = ""
	}
	M, m, p := x.M, x.m, x.p
	var err error
	switch {
	case xM:
		if op == ">" || op == "<" {
			return "<0.0.0", nil
		}
		return "*", nil
	case op != "" && xp:
		if xm {
			m = "0"
		}
		if xp {
			p = "0"
		}
		switch op {
		case ">":
			op = ">="
			if xm {
				if M, err = plusOne(M); err != nil {
					return "", err
				}
				m, p = "0", "0"
			} else {
				if m, err = plusOne(m); err != nil {
					return "", err
				}
				p = "0"
			}
		case "<=":
			op = "<"
			if xm {
				M, err = plusOne(M)
			} else {
				m, err = plusOne(m)
			}
			if err != nil {
				return "", err
			}
		}
		return op + M + "." + m + "." + p, nil
	case xm:
		M1, err := plusOne(M)
		if err != nil {
			return "", err
		}
		return ">=" + M + ".0.0 <" + M1 + ".0.0", nil
	case xp:
		m1, err := plusOne(m)
		if err != nil {
			return "", err
		}
		return ">=" + M + "." + m + ".0 <" + M + "." + m1 + ".0", nil
	}
	return s[mi[0]:mi[1]], nil
}

// hyphenReplace: "1.2 - 3.4.5" => ">=1.2.0 <=3.4.5", "1.2.3 - 3.4" =>
// ">=1.2.3 <3.5.0", "1.2.3 - 2.0.0-rc1" => ">=1.2.3 <=2.0.0-rc1". The
// lower bound keeps its original text (including a "v" or "=" prefix and
// build metadata).
func hyphenReplace(s string, mi []int) (string, error) {
	from := group(s, mi, 1)
	f := xpartsOf(s, mi, 2)
	to := group(s, mi, 7)
	t := xpartsOf(s, mi, 8)
	switch {
	case isX(f.M, f.hM):
		from = ""
	case isX(f.m, f.hm):
		from = ">=" + f.M + ".0.0"
	case isX(f.p, f.hp):
		from = ">=" + f.M + "." + f.m + ".0"
	default:
		from = ">=" + from
	}
	switch {
	case isX(t.M, t.hM):
		to = ""
	case isX(t.m, t.hm):
		M1, err := plusOne(t.M)
		if err != nil {
			return "", err
		}
		to = "<" + M1 + ".0.0"
	case isX(t.p, t.hp):
		m1, err := plusOne(t.m)
		if err != nil {
			return "", err
		}
		to = "<" + t.M + "." + m1 + ".0"
	case t.pr != "":
		to = "<=" + t.M + "." + t.m + "." + t.p + "-" + t.pr
	default:
		to = "<=" + to
	}
	return pyStrip(from + " " + to), nil
}

// test is Range.test: some comparator set is satisfied by v. A version
// with a prerelease only passes (unless includePrerelease) when a
// comparator of that set names a prerelease of the same major.minor.patch.
func (r *nodeRange) test(v *semVer, includePrerelease bool) bool {
	for _, comps := range r.set {
		if testSet(comps, v, includePrerelease) {
			return true
		}
	}
	return false
}

func testSet(comps []comparator, v *semVer, includePrerelease bool) bool {
	for _, c := range comps {
		if !c.test(v) {
			return false
		}
	}
	if len(v.pre) == 0 || includePrerelease {
		return true
	}
	for _, c := range comps {
		if c.sv == nil || len(c.sv.pre) == 0 {
			continue
		}
		if c.sv.major == v.major && c.sv.minor == v.minor && c.sv.patch == v.patch {
			return true
		}
	}
	return false
}
