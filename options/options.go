// Package options models Conan 1 package options and how their values
// flow through a dependency graph, and records where every value came
// from.
//
// The types mirror Conan 1.65's model so that the graph builder can apply
// the same operations in the same order:
//
//	Option          one declared option: its possible values and value
//	PackageOptions  the declared options of one recipe (own options)
//	PackageValues   free name=value pairs for one package, not validated
//	                (values a consumer gives a dependency; user options)
//	Values          own values plus values per dependency name, as written
//	                in default_options, profiles and -o arguments
//	Options         what a recipe's self.options is: own PackageOptions
//	                plus the values it holds for its dependencies
//
// Values are strings, as in Conan: True becomes "True". Truthiness is
// case-insensitive (false, none, 0, off and "" are false); equality is
// case-sensitive and, for a declared option, comparing with a value the
// option can never take is an error.
//
// Every value carries its Origin, and every change to a declared option
// appends an Event to its log: the explain command only reads this log.
package options

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Layer says which of Conan's inputs an assignment came from.
type Layer int

const (
	// LayerRecipeDefault is the recipe's own default_options.
	LayerRecipeDefault Layer = iota + 1
	// LayerConsumerDefault is a downstream recipe's default_options for
	// this package ("zlib:shared": True in its default_options).
	LayerConsumerDefault
	// LayerProfile is a profile's [options] section.
	LayerProfile
	// LayerCommandLine is a -o argument.
	LayerCommandLine
	// LayerConfigOptions is code in config_options().
	LayerConfigOptions
	// LayerConfigure is code in configure() (the recipe's own, or a
	// consumer's self.options["dep"].x = v).
	LayerConfigure
	// LayerConanfileTxt is a conanfile.txt [options] section.
	LayerConanfileTxt
	// LayerLockfile is a value read back from a lockfile.
	LayerLockfile
)

var layerNames = map[Layer]string{
	LayerRecipeDefault:   "recipe default_options",
	LayerConsumerDefault: "consumer default_options",
	LayerProfile:         "profile",
	LayerCommandLine:     "command line",
	LayerConfigOptions:   "config_options()",
	LayerConfigure:       "configure()",
	LayerConanfileTxt:    "conanfile.txt",
	LayerLockfile:        "lockfile",
}

func (l Layer) String() string {
	if s, ok := layerNames[l]; ok {
		return s
	}
	return fmt.Sprintf("layer(%d)", int(l))
}

// MarshalText names the layer in JSON.
func (l Layer) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// Origin is where a value was written.
type Origin struct {
	Layer Layer  `json:"layer"`
	Ref   string `json:"ref,omitempty"`  // recipe or consumer that wrote it
	File  string `json:"file,omitempty"` // file holding the line
	Line  int    `json:"line,omitempty"`
	Arg   int    `json:"arg,omitempty"` // 1-based position among -o arguments
	// Key is the option as written, with its package scope or pattern:
	// "*:shared", "zlib:shared", "shared".
	Key string `json:"key,omitempty"`
}

func (o *Origin) String() string {
	if o == nil {
		return "unknown"
	}
	var b strings.Builder
	b.WriteString(o.Layer.String())
	if o.Ref != "" {
		b.WriteString(" of " + o.Ref)
	}
	switch {
	case o.File != "" && o.Line > 0:
		fmt.Fprintf(&b, " (%s:%d)", o.File, o.Line)
	case o.File != "":
		fmt.Fprintf(&b, " (%s)", o.File)
	case o.Arg > 0:
		fmt.Fprintf(&b, " (-o #%d)", o.Arg)
	}
	if o.Key != "" {
		fmt.Fprintf(&b, " as %q", o.Key)
	}
	return b.String()
}

// Value is an option value with its provenance.
type Value struct {
	Str    string
	Origin *Origin
}

// V builds a Value.
func V(s string, o *Origin) Value { return Value{Str: s, Origin: o} }

// Truthy is Conan's truthiness of an option value string.
func Truthy(s string) bool {
	switch strings.ToLower(s) {
	case "false", "none", "0", "off", "":
		return false
	}
	return true
}

// Error is an options error worded as Conan's.
type Error struct {
	Msg string
	// Option and Value name the offending assignment when known, so
	// callers can say where it came from.
	Option, Value string
}

func (e *Error) Error() string { return e.Msg }

func errorf(format string, args ...any) error { return &Error{Msg: fmt.Sprintf(format, args...)} }

// PyList renders strings as a Python list.
func PyList(items []string) string {
	parts := make([]string, len(items))
	for i, s := range items {
		parts[i] = pyRepr(s)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func pyRepr(s string) string {
	if strings.Contains(s, "'") && !strings.Contains(s, `"`) {
		return `"` + s + `"`
	}
	return "'" + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), "'", `\'`) + "'"
}

func wrongValue(name, value string, possible []string) error {
	e := errorf("'%s' is not a valid 'options.%s' value.\nPossible values are %s", value, name, PyList(possible)).(*Error)
	e.Option, e.Value = name, value
	return e
}

// NotExist is Conan's message for an unknown option.
func notExist(name string, existing []string) error {
	e := errorf("option '%s' doesn't exist\nPossible options are %s", name, PyList(existing)).(*Error)
	e.Option = name
	return e
}

// ---- PackageValues ----

type modEntry struct {
	name  string
	value Value
	ref   string
}

func (p *PackageValues) modifiedBy(name string) (modEntry, bool) {
	for _, m := range p.modified {
		if m.name == name {
			return m, true
		}
	}
	return modEntry{}, false
}

// PackageValues are name=value pairs for one package (Conan's
// PackageOptionValues), in insertion order. A package has a handful of
// options and graphs copy these sets per node and dependency, so they
// are a small slice rather than a map.
type PackageValues struct {
	items    []Item
	modified []modEntry // few: what downstream consumers assigned
	frozen   bool
	// journal, when set, receives an event for every assignment: the
	// values a package holds for a dependency (see Options.DepLog).
	journal *[]Event
	jkey    string
}

// NewPackageValues returns an empty set.
func NewPackageValues() *PackageValues { return &PackageValues{} }

// Len is the number of values.
func (p *PackageValues) Len() int {
	if p == nil {
		return 0
	}
	return len(p.items)
}

func (p *PackageValues) index(name string) int {
	for i := range p.items {
		if p.items[i].Name == name {
			return i
		}
	}
	return -1
}

// Get returns a value.
func (p *PackageValues) Get(name string) (Value, bool) {
	if p == nil {
		return Value{}, false
	}
	if i := p.index(name); i >= 0 {
		return p.items[i].Value, true
	}
	return Value{}, false
}

// Has reports whether a name is present.
func (p *PackageValues) Has(name string) bool { _, ok := p.Get(name); return ok }

// Set stores a value.
func (p *PackageValues) Set(name string, v Value) {
	if i := p.index(name); i >= 0 {
		p.items[i].Value = v
	} else {
		p.items = append(p.items, Item{name, v})
	}
	if p.journal != nil {
		*p.journal = append(*p.journal, Event{Option: p.jkey + ":" + name, Kind: Assigned, Value: v.Str, HasVal: true, Origin: v.Origin})
	}
}

// Delete removes a name if present.
func (p *PackageValues) Delete(name string) {
	if i := p.index(name); i >= 0 {
		p.items = append(p.items[:i:i], p.items[i+1:]...)
	}
}

// Clear removes every value.
func (p *PackageValues) Clear() { p.items = nil }

// Names returns the names sorted.
func (p *PackageValues) Names() []string {
	if p == nil {
		return nil
	}
	r := p.InsertionNames()
	sort.Strings(r)
	return r
}

// InsertionNames returns the names in insertion order.
func (p *PackageValues) InsertionNames() []string {
	r := make([]string, len(p.items))
	for i := range p.items {
		r[i] = p.items[i].Name
	}
	return r
}

// Item is one name=value pair.
type Item struct {
	Name  string
	Value Value
}

// Items returns the pairs sorted by name.
func (p *PackageValues) Items() []Item {
	if p == nil {
		return nil
	}
	out := slices.Clone(p.items)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Update copies every value of other into p.
func (p *PackageValues) Update(other *PackageValues) {
	if other == nil {
		return
	}
	for _, it := range other.items {
		p.Set(it.Name, it.Value)
	}
}

// Copy returns a copy without the modification record.
func (p *PackageValues) Copy() *PackageValues {
	if p == nil {
		return NewPackageValues()
	}
	return &PackageValues{items: slices.Clone(p.items)}
}

// Equal compares values (not origins).
func (p *PackageValues) Equal(o *PackageValues) bool {
	if p.Len() != o.Len() {
		return false
	}
	for _, k := range p.Names() {
		ov, ok := o.Get(k)
		pv, _ := p.Get(k)
		if !ok || ov.Str != pv.Str {
			return false
		}
	}
	return true
}

// Freeze forbids later changes from downstream.
func (p *PackageValues) Freeze() { p.frozen = true }

// PropagateUpstream applies values that a downstream consumer (downRef)
// gives to dependency pkgName, as seen by the package ownRef that holds
// p; a second, different value for the same name is a conflict.
func (p *PackageValues) PropagateUpstream(down *PackageValues, downRef, ownRef, pkgName string) error {
	if down.Len() == 0 {
		return nil
	}
	for _, it := range down.Items() {
		name, v := it.Name, it.Value
		if cur, ok := p.Get(name); ok && cur.Str == v.Str {
			continue
		}
		if p.frozen {
			cur := "None"
			if c, ok := p.Get(name); ok {
				cur = c.Str
			}
			return errorf("%s tried to change %s option %s to %s\nbut it was already defined as %s", downRef, ownRef, name, v.Str, cur)
		}
		if m, ok := p.modifiedBy(name); ok {
			return errorf("%s tried to change %s option %s:%s to %s\nbut it was already assigned to %s by %s", downRef, ownRef, pkgName, name, v.Str, m.value.Str, m.ref)
		}
		p.modified = append(p.modified, modEntry{name, v, downRef})
		p.Set(name, v)
		if p.journal != nil {
			(*p.journal)[len(*p.journal)-1].Via = downRef
		}
	}
	return nil
}

// ---- Values ----

// Values are own values and per-package values (Conan's OptionsValues),
// as written in default_options, profiles and -o arguments.
type Values struct {
	Own  *PackageValues
	reqs map[string]*PackageValues
	// order of package names as first seen, for deterministic iteration
	reqOrder []string
}

// NewValues returns empty values.
func NewValues() *Values { return &Values{Own: NewPackageValues(), reqs: map[string]*PackageValues{}} }

// newValuesFor is NewValues sized for n packages.
func newValuesFor(n int) *Values {
	return &Values{Own: NewPackageValues(), reqs: make(map[string]*PackageValues, n), reqOrder: make([]string, 0, n)}
}

// Entry is one "key=value" assignment before parsing its key.
type Entry struct {
	Key   string // "shared", "zlib:shared", "*:shared", "zlib/*:shared"
	Value string
	// Typed reports that the value was a Python value (True, 1, None)
	// rather than a string; it only matters for provenance display.
	Origin *Origin
}

// ParseValues builds Values from "pkg:option=value" entries as Conan's
// OptionsValues constructor does: keys are stripped; "pkg/*:opt" means
// "pkg:opt"; keys with more than one ':' are kept as own options.
func ParseValues(entries []Entry) *Values {
	v := NewValues()
	for _, e := range entries {
		key := strings.TrimSpace(e.Key)
		o := e.Origin
		if o != nil && o.Key == "" {
			oc := *o
			oc.Key = key
			o = &oc
		}
		val := Value{Str: e.Value, Origin: o}
		tokens := strings.Split(key, ":")
		if len(tokens) == 2 {
			pkg, opt := tokens[0], tokens[1]
			pkg = strings.TrimSuffix(pkg, "/*")
			v.Pkg(strings.TrimSpace(pkg)).Set(opt, val)
			continue
		}
		v.Own.Set(key, val)
	}
	return v
}

// Pkg returns (creating) the values for a package name or pattern.
func (v *Values) Pkg(name string) *PackageValues {
	p, ok := v.reqs[name]
	if !ok {
		p = NewPackageValues()
		v.reqs[name] = p
		v.reqOrder = append(v.reqOrder, name)
	}
	return p
}

// Len is the number of packages with values.
func (v *Values) Len() int { return len(v.reqOrder) }

// Lookup returns the values for a package name if present.
func (v *Values) Lookup(name string) (*PackageValues, bool) {
	p, ok := v.reqs[name]
	return p, ok
}

// SetPkg replaces the values of a package.
func (v *Values) SetPkg(name string, p *PackageValues) {
	if _, ok := v.reqs[name]; !ok {
		v.reqOrder = append(v.reqOrder, name)
	}
	v.reqs[name] = p
}

// PopPkg removes and returns the values of a package.
func (v *Values) PopPkg(name string) *PackageValues {
	p, ok := v.reqs[name]
	if !ok {
		return nil
	}
	delete(v.reqs, name)
	for i, n := range v.reqOrder {
		if n == name {
			v.reqOrder = append(v.reqOrder[:i:i], v.reqOrder[i+1:]...)
			break
		}
	}
	return p
}

// PkgNames returns the package names sorted.
func (v *Values) PkgNames() []string {
	r := make([]string, 0, len(v.reqs))
	for k := range v.reqs {
		r = append(r, k)
	}
	sort.Strings(r)
	return r
}

// Update copies other into v, value by value.
func (v *Values) Update(other *Values) {
	v.Own.Update(other.Own)
	for _, name := range other.reqOrder {
		v.Pkg(name).Update(other.reqs[name])
	}
}

// Copy returns a deep copy.
func (v *Values) Copy() *Values {
	c := NewValues()
	c.Own = v.Own.Copy()
	for _, name := range v.reqOrder {
		c.SetPkg(name, v.reqs[name].Copy())
	}
	return c
}

// CopyCleared is Copy followed by ClearIndirect, without copying what
// would be cleared.
func (v *Values) CopyCleared() *Values {
	c := newValuesFor(len(v.reqOrder))
	c.Own = v.Own.Copy()
	empty := make([]PackageValues, len(v.reqOrder)) // one allocation for all
	for i, name := range v.reqOrder {
		c.SetPkg(name, &empty[i])
	}
	return c
}

// ScopeOptions moves own values under a package name (for "conan install
// ref -o shared=True").
func (v *Values) ScopeOptions(name string) {
	if v.Own.Len() > 0 {
		v.Pkg(name).Update(v.Own)
		v.Own = NewPackageValues()
	}
}

// DescopeOptions moves a package's values to own values (the consumer's
// values given as "name:opt").
func (v *Values) DescopeOptions(name string) {
	if p := v.PopPkg(name); p != nil && p.Len() > 0 {
		v.Own.Update(p)
	}
}

// ClearUnscoped drops own values.
func (v *Values) ClearUnscoped() { v.Own.Clear() }

// ClearIndirect empties every package's values, keeping the names.
func (v *Values) ClearIndirect() {
	for _, p := range v.reqs {
		p.Clear()
	}
}

// FilterUsed keeps only the named packages.
func (v *Values) FilterUsed(names map[string]bool) {
	for _, n := range append([]string(nil), v.reqOrder...) {
		if !names[n] {
			v.PopPkg(n)
		}
	}
}

// Clear drops everything.
func (v *Values) Clear() {
	v.Own.Clear()
	v.reqs, v.reqOrder = map[string]*PackageValues{}, nil
}

// AsList returns "name=value" then "pkg:name=value" pairs, each group
// sorted, as Conan's as_list.
func (v *Values) AsList() []Item {
	out := v.Own.Items()
	for _, pkg := range v.PkgNames() {
		for _, it := range v.reqs[pkg].Items() {
			out = append(out, Item{pkg + ":" + it.Name, it.Value})
		}
	}
	return out
}

// Dumps is Conan's text form: one "key=value" line each.
func (v *Values) Dumps() string {
	items := v.AsList()
	lines := make([]string, len(items))
	for i, it := range items {
		lines[i] = it.Name + "=" + it.Value.Str
	}
	return strings.Join(lines, "\n")
}

// Equal compares values (not origins), ignoring packages missing in o.
func (v *Values) Equal(o *Values) bool {
	if !v.Own.Equal(o.Own) {
		return false
	}
	for k, p := range v.reqs {
		op, ok := o.reqs[k]
		if !ok {
			op = NewPackageValues()
		}
		if !p.Equal(op) {
			return false
		}
	}
	return true
}
