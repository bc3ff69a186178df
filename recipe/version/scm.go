package version

import (
	"strconv"
	"strings"
)

// ScmVersion is conan.tools.scm.Version, the Conan-2-style version class
// that Conan 1.65 recipes import with "from conan.tools.scm import Version"
// (most of conan-center-index does). It never fails to parse:
//
//   - The text (not stripped) is split at the last "+" into the rest and a
//     build, then the rest at the last "-" into the main part and a
//     prerelease; build and prerelease are ScmVersions themselves.
//   - The main part is split on "."; each item is an int if Python's int()
//     accepts it (so " 1", "+1", "1_0" and "-2" are ints) and a string
//     otherwise.
//   - Trailing zero items are ignored by comparisons, so "1.2" == "1.2.0".
//   - A prerelease sorts before its release only when the main items are
//     equal: "1.2-rc" < "1.2" but "1.3-rc" > "1.2".
//   - Items compare as ints when both are ints and as strings when both are
//     strings; an int against a string compares str(int) with the string
//     (Python's "<" raises TypeError there and the class falls back to
//     comparing str()s). So "1.10" > "1.9" and "1.a" > "1.10" ("10" < "a"),
//     and the order is not transitive: "1.2" < "1.10" < "1.1a" < "1.2".
//
// No comparison raises: Python compares a Version with a string by parsing
// the string, which always succeeds, so CompareString needs no error.
//
// The zero ScmVersion behaves like ParseScmVersion("").
type ScmVersion struct {
	value    string
	items    []Item
	nonzero  int // items[:nonzero] are the _nonzero_items
	pre, bld *ScmVersion
}

// Item is one dot-separated item of a ScmVersion's main part (a
// _VersionItem): a Python int or str.
type Item struct {
	s     string // str(item): canonical signed decimal for an int
	isInt bool
}

// IsInt reports whether the item is an int.
func (it Item) IsInt() bool { return it.isInt }

// String is str(item): for an int, its canonical decimal form ("01" gives
// "1", "+1" gives "1", " 2 " gives "2").
func (it Item) String() string { return it.s }

// Int64 returns the int value, if the item is an int that fits in an int64.
func (it Item) Int64() (int64, bool) {
	if !it.isInt {
		return 0, false
	}
	n, err := strconv.ParseInt(it.s, 10, 64)
	return n, err == nil
}

// Equal is _VersionItem.__eq__: same kind and same value.
func (it Item) Equal(o Item) bool { return it == o }

// Less is _VersionItem.__lt__: ints numerically, strings by code point,
// and str() of both for an int against a string.
func (it Item) Less(o Item) bool {
	if it.isInt && o.isInt {
		return cmpInt(it.s, o.s) < 0
	}
	return it.s < o.s
}

func newItem(s string) Item {
	neg, d, err := pyInt(s)
	if err != nil {
		return Item{s: s}
	}
	if neg {
		d = "-" + d
	}
	return Item{s: d, isInt: true}
}

// cmpInt compares canonical signed decimal strings.
func cmpInt(a, b string) int {
	an, bn := strings.HasPrefix(a, "-"), strings.HasPrefix(b, "-")
	switch {
	case an && !bn:
		return -1
	case !an && bn:
		return 1
	case an:
		return -cmpNat(a[1:], b[1:])
	}
	return cmpNat(a, b)
}

// incInt is str(int(a) + 1) for a canonical signed decimal string.
func incInt(a string) (string, error) {
	if !strings.HasPrefix(a, "-") {
		return incNat(a)
	}
	b := []byte(a[1:])
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] != '0' {
			b[i]--
			break
		}
		b[i] = '9'
	}
	s := strings.TrimLeft(string(b), "0")
	if s == "" {
		return "0", nil
	}
	return "-" + s, nil
}

// ParseScmVersion is conan.tools.scm.Version(value).
func ParseScmVersion(value string) ScmVersion {
	v := ScmVersion{value: value}
	rest := value
	if i := strings.LastIndexByte(rest, '+'); i >= 0 {
		b := ParseScmVersion(rest[i+1:])
		v.bld = &b
		rest = rest[:i]
	}
	if i := strings.LastIndexByte(rest, '-'); i >= 0 {
		p := ParseScmVersion(rest[i+1:])
		v.pre = &p
		rest = rest[:i]
	}
	for _, s := range strings.Split(rest, ".") {
		v.items = append(v.items, newItem(s))
	}
	v.nonzero = len(v.items)
	for v.nonzero > 0 && v.items[v.nonzero-1] == (Item{s: "0", isInt: true}) {
		v.nonzero--
	}
	return v
}

// orEmpty makes the zero ScmVersion behave like ParseScmVersion("").
func (v ScmVersion) orEmpty() ScmVersion {
	if v.items == nil {
		return ParseScmVersion("")
	}
	return v
}

// String is str(v): the text exactly as given.
func (v ScmVersion) String() string { return v.value }

// Main returns the items of the main part (the main property), trailing
// zeros included.
func (v ScmVersion) Main() []Item { return append([]Item(nil), v.orEmpty().items...) }

func (v ScmVersion) at(i int) (Item, bool) {
	v = v.orEmpty()
	if i < len(v.items) {
		return v.items[i], true
	}
	return Item{}, false
}

// Major is main[0]; ok is false where Python returns None. Every version
// has at least one item, so Major is always present (maybe "").
func (v ScmVersion) Major() (Item, bool) { return v.at(0) }

// Minor is main[1], if any.
func (v ScmVersion) Minor() (Item, bool) { return v.at(1) }

// Patch is main[2], if any.
func (v ScmVersion) Patch() (Item, bool) { return v.at(2) }

// Micro is main[3], if any.
func (v ScmVersion) Micro() (Item, bool) { return v.at(3) }

// Pre is the prerelease (text after the last "-" before the build), if any.
func (v ScmVersion) Pre() (ScmVersion, bool) {
	if v.pre == nil {
		return ScmVersion{}, false
	}
	return *v.pre, true
}

// Build is the build (text after the last "+"), if any.
func (v ScmVersion) Build() (ScmVersion, bool) {
	if v.bld == nil {
		return ScmVersion{}, false
	}
	return *v.bld, true
}

func (v *ScmVersion) nz() []Item { return v.items[:v.nonzero] }

func itemsEqual(a, b []Item) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// itemsLess is Python's tuple "<" on item tuples.
func itemsLess(a, b []Item) bool {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return a[i].Less(b[i])
		}
	}
	return len(a) < len(b)
}

func optEqual(a, b *ScmVersion) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return scmEqual(a, b)
}

// optLess is "<" between two values that are None or a Version: None is
// below every Version (None < v is answered by v.__gt__(None), which is
// true), and they are only compared when not equal.
func optLess(a, b *ScmVersion) bool {
	switch {
	case a == nil:
		return b != nil
	case b == nil:
		return false
	}
	return scmLess(a, b)
}

func scmEqual(a, b *ScmVersion) bool {
	return itemsEqual(a.nz(), b.nz()) && optEqual(a.pre, b.pre) && optEqual(a.bld, b.bld)
}

func scmLess(a, b *ScmVersion) bool {
	an, bn := a.nz(), b.nz()
	switch {
	case a.pre != nil && b.pre != nil:
		// (nonzero_items, pre, build) < (nonzero_items, pre, build)
		if !itemsEqual(an, bn) {
			return itemsLess(an, bn)
		}
		if !optEqual(a.pre, b.pre) {
			return optLess(a.pre, b.pre)
		}
		if !optEqual(a.bld, b.bld) {
			return optLess(a.bld, b.bld)
		}
		return false
	case a.pre != nil:
		return itemsEqual(an, bn) || itemsLess(an, bn)
	case b.pre != nil:
		return !itemsEqual(an, bn) && itemsLess(an, bn)
	}
	if !itemsEqual(an, bn) {
		return itemsLess(an, bn)
	}
	if !optEqual(a.bld, b.bld) {
		return optLess(a.bld, b.bld)
	}
	return false
}

// Equal is v == other.
func (v ScmVersion) Equal(other ScmVersion) bool {
	v, other = v.orEmpty(), other.orEmpty()
	return scmEqual(&v, &other)
}

// Less is v < other.
func (v ScmVersion) Less(other ScmVersion) bool {
	v, other = v.orEmpty(), other.orEmpty()
	return scmLess(&v, &other)
}

// LessEqual is v <= other (functools.total_ordering: v < other or v == other).
func (v ScmVersion) LessEqual(other ScmVersion) bool { return v.Less(other) || v.Equal(other) }

// Greater is v > other (total_ordering: not v < other and v != other).
func (v ScmVersion) Greater(other ScmVersion) bool { return !v.Less(other) && !v.Equal(other) }

// GreaterEqual is v >= other (total_ordering: not v < other).
func (v ScmVersion) GreaterEqual(other ScmVersion) bool { return !v.Less(other) }

// Compare returns -1 if v < other, 0 if v == other, else 1. Because the
// order is not total for mixed int/string items, Compare(a, b) == 1 does
// not imply Compare(b, a) == -1; use the operator methods to mirror a
// specific Python expression.
func (v ScmVersion) Compare(other ScmVersion) int {
	switch {
	case v.Less(other):
		return -1
	case v.Equal(other):
		return 0
	}
	return 1
}

// CompareString is Compare with a string operand, as in Version(x) < "1.2".
func (v ScmVersion) CompareString(other string) int { return v.Compare(ParseScmVersion(other)) }

// Bump is the internal bump(index): items before index are kept, the item
// at index is incremented, and the rest is dropped, prerelease and build
// included. Conan's code means to pad with zeros but its padding count is
// always 0 for index >= 0, so "1.5.7" bumps at 0 to "2" (not "2.0.0"). A
// negative index counts from the end like a Python index and then pads
// with len(main) zeros ("1.5.7" at -1 gives "1.5.8.0.0.0").
//
// Errors: the ConanException "Cannot bump '<v> version index <i>, not an
// int" (sic) for a string item, the IndexError "tuple index out of range"
// for an index outside main, and the ValueError of str() when the new number
// would exceed 4300 digits.
func (v ScmVersion) Bump(index int) (ScmVersion, error) {
	s, err := v.bumped(index)
	if err != nil {
		return ScmVersion{}, err
	}
	return ParseScmVersion(s), nil
}

// UpperBound is upper_bound(index): Bump(index) with "-" appended, so the
// result has an empty prerelease and sorts below every prerelease of the
// bumped version ("1.5" at 0 gives "2-").
func (v ScmVersion) UpperBound(index int) (ScmVersion, error) {
	s, err := v.bumped(index)
	if err != nil {
		return ScmVersion{}, err
	}
	return ParseScmVersion(s + "-"), nil
}

func (v ScmVersion) bumped(index int) (string, error) {
	v = v.orEmpty()
	n := len(v.items)
	i := index
	if i < 0 {
		i += n
	}
	if i < 0 || i >= n {
		return "", &Error{Type: "IndexError", Msg: "tuple index out of range"}
	}
	it := v.items[i]
	if !it.isInt {
		return "", conanError("Cannot bump '%s version index %d, not an int", v.value, index)
	}
	inc, err := incInt(it.s)
	if err != nil {
		return "", err
	}
	parts := make([]string, 0, n+1)
	for _, x := range v.items[:i] {
		parts = append(parts, x.s)
	}
	parts = append(parts, inc)
	// items.extend([0] * (len(items) - index - 1)) with len(items) == i+1:
	// nothing for index >= 0, len(main) zeros for a negative index.
	for k := 0; k < i-index; k++ {
		parts = append(parts, "0")
	}
	return strings.Join(parts, "."), nil
}
