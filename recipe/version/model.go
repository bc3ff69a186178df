package version

import (
	"strings"
	"unicode/utf8"
)

// Version is Conan 1.65's model version, conans.model.version.Version: the
// type of a reference's version and what the package ID modes use. It is
// not SemVer: the text (stripped of surrounding whitespace) is split at the
// last "+" into base and build, the base is split on "." and "-", and items
// made of digits are numbers, the rest strings.
//
// The zero Version is the empty version "".
type Version struct {
	s     string // the stripped text, str(Version)
	base  string
	build string
	items []modelItem // never empty once parsed; see list
}

// modelItem is an item of Version.as_list: an int (canonical digits) or a
// str.
type modelItem struct {
	s     string
	isNum bool
}

func (it modelItem) String() string { return it.s }

// emptyItems is as_list of "": one empty string.
var emptyItems = []modelItem{{s: ""}}

// list is as_list; it makes the zero Version behave like ParseVersion("").
func (v Version) list() []modelItem {
	if v.items == nil {
		return emptyItems
	}
	return v.items
}

// ParseVersion builds a Version. Python builds the object lazily and raises
// ValueError the first time the items are needed when an item passes
// str.isdigit() but not int() (superscripts like "1.²", or more than 4300
// digits); ParseVersion reports that error up front, so every Version value
// is usable. Strings valid in a Conan reference never fail.
func ParseVersion(s string) (Version, error) {
	s = pyStrip(s)
	v := Version{s: s, base: s}
	if i := strings.LastIndexByte(s, '+'); i >= 0 {
		v.base, v.build = s[:i], s[i+1:]
	}
	start := 0
	for i := 0; i <= len(v.base); i++ {
		if i < len(v.base) && v.base[i] != '.' && v.base[i] != '-' {
			continue
		}
		tok := v.base[start:i]
		start = i + 1
		if isPyDigitStr(tok) {
			_, d, err := pyInt(tok)
			if err != nil {
				return Version{}, err
			}
			v.items = append(v.items, modelItem{s: d, isNum: true})
		} else {
			v.items = append(v.items, modelItem{s: tok})
		}
	}
	return v, nil
}

// Text is ParseVersion(s).String(), and whether s parses, without
// building the version: only a non-ASCII digit that Python's int()
// rejects makes a version fail to parse, so ASCII text is only stripped.
func Text(s string) (string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			v, err := ParseVersion(s)
			return v.String(), err == nil
		}
	}
	return pyStrip(s), true
}

// MustParseVersion is ParseVersion for strings known to be valid (every
// version in a Conan reference is); it panics otherwise.
func MustParseVersion(s string) Version {
	v, err := ParseVersion(s)
	if err != nil {
		panic(err)
	}
	return v
}

// String returns the version text, stripped of surrounding whitespace.
func (v Version) String() string { return v.s }

// Items returns as_list: the numbers (as canonical decimal strings) and
// strings of the base, and whether each one is a number.
func (v Version) Items() (items []string, isNum []bool) {
	for _, it := range v.list() {
		items = append(items, it.s)
		isNum = append(isNum, it.isNum)
	}
	return items, isNum
}

// firstIsNum reports whether the first item is a number; when it is not,
// Major, Minor, Patch and Pre return the base unchanged.
func (v Version) firstIsNum() bool { return len(v.list()) > 0 && v.list()[0].isNum }

func (v Version) item(i int) string {
	if i < len(v.list()) {
		return v.list()[i].s
	}
	return "0"
}

// Major is major(fill): "1.Y.Z" (or "1" without fill) for "1.2.3"; the base
// (text before the last "+", not re-stripped) when the first item is not a
// number. Numbers lose leading zeros: "01.2" gives "1.Y.Z".
func (v Version) Major(fill bool) string {
	if !v.firstIsNum() {
		return v.base
	}
	if fill {
		return v.item(0) + ".Y.Z"
	}
	return v.item(0)
}

// The methods below build their result with Version(text), which strips
// it again: "1.2 .3" has minor(fill=False) "1.2", not "1.2 ".

// Stable is stable(), used by semver_direct_mode: the whole version
// (build included) when the first item is the number 0, else Major(true).
func (v Version) Stable() string {
	if v.firstIsNum() && v.list()[0].s == "0" {
		return v.s
	}
	return v.Major(true)
}

// Minor is minor(fill): "1.2.Z" (or "1.2"); missing items are "0".
func (v Version) Minor(fill bool) string {
	if !v.firstIsNum() {
		return v.base
	}
	if fill {
		return pyStrip(v.item(0) + "." + v.item(1) + ".Z")
	}
	return pyStrip(v.item(0) + "." + v.item(1))
}

// Patch is patch(): "1.2.3"; missing items are "0", extra items dropped.
func (v Version) Patch() string {
	if !v.firstIsNum() {
		return v.base
	}
	return pyStrip(v.item(0) + "." + v.item(1) + "." + v.item(2))
}

// Pre is pre(): Patch() followed by "-" and the fourth item, if any
// ("1.2.3.4" gives "1.2.3-4", "1.2.3-rc.1" gives "1.2.3-rc").
func (v Version) Pre() string {
	if !v.firstIsNum() {
		return v.base
	}
	p := v.item(0) + "." + v.item(1) + "." + v.item(2)
	if len(v.list()) > 3 {
		p += "-" + v.list()[3].s
	}
	return pyStrip(p)
}

// Build is the build property: the text after the last "+", or "".
func (v Version) Build() string { return v.build }

// Base is the base property: the text before the last "+", stripped.
func (v Version) Base() string { return pyStrip(v.base) }

// Compatible is compatible(other): walking both item lists in parallel (up
// to the shorter one), true as soon as either item is the string "X", "Y"
// or "Z", false at the first difference, true if none.
func (v Version) Compatible(other Version) bool {
	n := min(len(v.list()), len(other.list()))
	for i := 0; i < n; i++ {
		a, b := v.list()[i], other.list()[i]
		if isXYZ(a) || isXYZ(b) {
			return true
		}
		if a != b {
			return false
		}
	}
	return true
}

func isXYZ(it modelItem) bool {
	return !it.isNum && (it.s == "X" || it.s == "Y" || it.s == "Z")
}

// Compare is Version.__cmp__, which all of Conan's comparisons of model
// versions go through (a < b is Compare(a, b) == -1, and so on):
//
//   - Versions whose item lists are equal after padding the shorter one
//     with the number 0 are equal when their builds are equal ("4" ==
//     "4.0" == "4.0.0"); otherwise the one with the greater build text is
//     the SMALLER version ("1.0+b" < "1.0+a" < "1.0").
//   - Else items are compared left to right: a string item is below a
//     number item ("1.4.rc2" < "1.4.0"), numbers compare as numbers,
//     strings by code point.
//   - When one list runs out: a longer v is greater if its next item is a
//     number and smaller if it is a string; a longer other makes v smaller
//     regardless.
//
// The last rule makes Compare not antisymmetric: "1" vs "1.a" is -1 and
// "1.a" vs "1" is -1 too. Nor is it transitive ("1.0.a" > "1" == "1.0" >
// "1.0.a"). Sort reproduces what Python's sort does with it.
func Compare(v, other Version) int {
	if v.equalItems(other) {
		switch {
		case v.build == other.build:
			return 0
		case v.build > other.build:
			return -1
		default:
			return 1
		}
	}
	for i, el := range v.list() {
		if i >= len(other.list()) {
			if el.isNum {
				return 1
			}
			return -1
		}
		o := other.list()[i]
		switch {
		case !el.isNum && o.isNum:
			return -1
		case el.isNum && !o.isNum:
			return 1
		case el.s == o.s:
			continue
		case el.isNum:
			return cmpNat(el.s, o.s)
		default:
			return strings.Compare(el.s, o.s)
		}
	}
	// The loop only ends without a verdict when other is longer.
	return -1
}

// equalItems is the "4 == 4.0 == 4.0.0" test: missing items count as the
// number 0.
func (v Version) equalItems(o Version) bool {
	zero := modelItem{s: "0", isNum: true}
	for i := 0; i < max(len(v.list()), len(o.list())); i++ {
		a, b := zero, zero
		if i < len(v.list()) {
			a = v.list()[i]
		}
		if i < len(o.list()) {
			b = o.list()[i]
		}
		if a != b {
			return false
		}
	}
	return true
}

// Compare is Compare(v, other).
func (v Version) Compare(other Version) int { return Compare(v, other) }

// Less is Python's v < other (Compare == -1), the only comparison sorted()
// uses.
func (v Version) Less(other Version) bool { return Compare(v, other) == -1 }

// Equal is Python's v == other (Compare == 0). Note that Python hashes a
// Version by its text, so in a dict or set "1.0" and "1.0.0" stay distinct
// keys although they are equal.
func (v Version) Equal(other Version) bool { return Compare(v, other) == 0 }

// CompareStrings parses both strings as model Versions and compares them.
func CompareStrings(a, b string) (int, error) {
	va, err := ParseVersion(a)
	if err != nil {
		return 0, err
	}
	vb, err := ParseVersion(b)
	if err != nil {
		return 0, err
	}
	return Compare(va, vb), nil
}

// Less reports a < b for model Versions, the order in which Conan sorts
// references (and so the candidates of a version range). It returns an
// error when either string makes Python raise (see ParseVersion).
func Less(a, b string) (bool, error) {
	c, err := CompareStrings(a, b)
	return c == -1, err
}
