package profiles

import (
	"sort"
	"strings"
)

// Setting is one effective setting value with the origin of the
// assignment that set it.
type Setting struct {
	Name   string
	Value  string
	Origin Origin
}

// Settings is an ordered list of settings with the semantics of Python's
// OrderedDict: assigning an existing name keeps its position.
type Settings []Setting

// Index returns the position of name, or -1.
func (s Settings) Index(name string) int {
	for i := range s {
		if s[i].Name == name {
			return i
		}
	}
	return -1
}

// Get returns the setting called name.
func (s Settings) Get(name string) (Setting, bool) {
	if i := s.Index(name); i >= 0 {
		return s[i], true
	}
	return Setting{}, false
}

// Value returns the value of name, or "" when it is not set.
func (s Settings) Value(name string) string {
	v, _ := s.Get(name)
	return v.Value
}

// set assigns name like OrderedDict.__setitem__.
func (s *Settings) set(v Setting) {
	if i := s.Index(v.Name); i >= 0 {
		(*s)[i].Value = v.Value
		(*s)[i].Origin = v.Origin
		return
	}
	*s = append(*s, v)
}

// NameValue is a setting name and value, as produced by the settings
// package after Conan's preprocessing (see Profile.ReplaceSettings).
type NameValue struct{ Name, Value string }

// PackageSettings are the settings given for the packages matching
// Pattern ("zlib:build_type=Debug" gives Pattern "zlib"). Conan uses the
// pattern verbatim: no space is stripped.
type PackageSettings struct {
	Pattern  string
	Settings Settings
}

// Option is one effective option value.
//
// Package is "" for an unscoped option ("shared=True": the consumer's own
// option). Scoped options ("zlib:shared=True") have the package pattern
// after Conan's normalisation: a trailing "/*" is removed ("zlib/*:shared"
// gives "zlib") and surrounding spaces are stripped. Scoped distinguishes
// ":shared=True", which Conan scopes to a package named "", from the
// unscoped form. A key with two or more colons ("a:b:c=1") is unscoped and
// its Name contains the colons, as in Conan. The name of a scoped option
// is kept verbatim ("zlib: shared" gives Name " shared").
type Option struct {
	Package string
	Scoped  bool
	Name    string
	Value   string
	Origin  Origin
}

// key identifies the option slot Conan stores the value in.
func (o Option) sameSlot(p Option) bool {
	return o.Scoped == p.Scoped && o.Package == p.Package && o.Name == p.Name
}

// setOption assigns o in opts, keeping Conan's dict order: unscoped
// options first in insertion order, then the packages in first-insertion
// order, each with its options in insertion order.
func setOption(opts []Option, o Option) []Option {
	for i := range opts {
		if opts[i].sameSlot(o) {
			opts[i].Value = o.Value
			opts[i].Origin = o.Origin
			return opts
		}
	}
	// insert at the end of the group
	pos := len(opts)
	if !o.Scoped {
		pos = 0
		for pos < len(opts) && !opts[pos].Scoped {
			pos++
		}
	} else {
		last := -1
		for i := range opts {
			if opts[i].Scoped && opts[i].Package == o.Package {
				last = i
			}
		}
		if last >= 0 {
			pos = last + 1
		}
	}
	opts = append(opts, Option{})
	copy(opts[pos+1:], opts[pos:])
	opts[pos] = o
	return opts
}

// parseOptionKey turns an option key ("zlib:shared", "zlib/*:shared",
// "shared") into package, scoped and name as OptionsValues does. key has
// already been stripped.
func parseOptionKey(key string) (pkg string, scoped bool, name string) {
	tokens := strings.Split(key, ":")
	if len(tokens) == 2 {
		pkg = tokens[0]
		if strings.HasSuffix(pkg, "/*") {
			pkg = pkg[:len(pkg)-2]
		}
		return pyStrip(pkg), true, tokens[1]
	}
	return "", false, key
}

// dumpOptions is OptionsValues.dumps(): unscoped options sorted by name,
// then the packages sorted by name, each with its options sorted.
func dumpOptions(opts []Option) string {
	var unscoped []Option
	byPkg := map[string][]Option{}
	var pkgs []string
	for _, o := range opts {
		if !o.Scoped {
			unscoped = append(unscoped, o)
			continue
		}
		if _, seen := byPkg[o.Package]; !seen {
			pkgs = append(pkgs, o.Package)
		}
		byPkg[o.Package] = append(byPkg[o.Package], o)
	}
	byName := func(list []Option) {
		sort.SliceStable(list, func(i, j int) bool { return list[i].Name < list[j].Name })
	}
	var lines []string
	byName(unscoped)
	for _, o := range unscoped {
		lines = append(lines, o.Name+"="+o.Value)
	}
	sort.Strings(pkgs)
	for _, p := range pkgs {
		list := byPkg[p]
		byName(list)
		for _, o := range list {
			lines = append(lines, p+":"+o.Name+"="+o.Value)
		}
	}
	return strings.Join(lines, "\n")
}

// BuildRequire is a reference listed in [build_requires] or
// [tool_requires]. It is parsed as Conan 1.65's ConanFileReference.loads
// does (including its validation of names); Revision is kept but, as in
// Conan, not written by String.
type BuildRequire struct {
	Name, Version, User, Channel, Revision string
	Origin                                 Origin
}

// String is Conan's str(ref): "name/version" or "name/version@user/channel".
func (r BuildRequire) String() string {
	if r.User == "" && r.Channel == "" {
		return r.Name + "/" + r.Version
	}
	return r.Name + "/" + r.Version + "@" + r.User + "/" + r.Channel
}

// BuildRequires are the build requirements applied to the packages
// matching Pattern ("*" when the line has no pattern). The pattern is kept
// verbatim, spaces included, as Conan does.
type BuildRequires struct {
	Pattern string
	Refs    []BuildRequire
}

func findBuildRequires(list []BuildRequires, pattern string) int {
	for i := range list {
		if list[i].Pattern == pattern {
			return i
		}
	}
	return -1
}
