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
	"io"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
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
	// frozen is atomic because the empty set of a cleared Values is
	// shared, and the package IDs of one level of a graph are computed
	// concurrently, each freezing its dependencies' values.
	frozen atomic.Bool
	// journal, when set, receives an event for every assignment: the
	// values a package holds for a dependency (see Options.DepLog).
	journal *[]Event
	jkey    string
	// cleared marks the empty set that the packages of a cleared Values
	// share; Values.Pkg gives a package its own before anything writes.
	cleared bool
	// handedDown is set once a Down holds the set: dependencies may then
	// share it as what they were given (see Options.passDown), so its
	// owner writes to a copy (Options.Dep).
	handedDown bool
}

// clone is an exact copy for the owner to write to: values, modification
// record, journal and freezing.
func (p *PackageValues) clone() *PackageValues {
	c := &PackageValues{items: slices.Clone(p.items), modified: slices.Clone(p.modified), journal: p.journal, jkey: p.jkey}
	c.frozen.Store(p.frozen.Load())
	return c
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
	slices.SortFunc(out, cmpItem)
	return out
}

// Sorted is Items for reading only: it returns p's own slice when that
// is sorted already (it mostly is), so the caller must neither keep nor
// change it, nor add names to p while using it.
func (p *PackageValues) Sorted() []Item {
	if p == nil {
		return nil
	}
	if slices.IsSortedFunc(p.items, cmpItem) {
		return p.items
	}
	return p.Items()
}

func cmpItem(a, b Item) int { return strings.Compare(a.Name, b.Name) }

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
func (p *PackageValues) Freeze() {
	if !p.frozen.Load() {
		p.frozen.Store(true)
	}
}

// PropagateUpstream applies values that a downstream consumer (downRef)
// gives to dependency pkgName, as seen by the package ownRef that holds
// p; a second, different value for the same name is a conflict.
func (p *PackageValues) PropagateUpstream(down *PackageValues, downRef, ownRef, pkgName string) error {
	if down.Len() == 0 {
		return nil
	}
	for _, it := range down.Sorted() {
		name, v := it.Name, it.Value
		if cur, ok := p.Get(name); ok && cur.Str == v.Str {
			continue
		}
		if p.frozen.Load() {
			cur := "None"
			if c, ok := p.Get(name); ok {
				cur = c.Str
			}
			return errorf("%s tried to change %s option %s to %s\nbut it was already defined as %s", downRef, ownRef, name, v.Str, cur)
		}
		if m, ok := p.modifiedBy(name); ok {
			return errorf("%s tried to change %s option %s:%s to %s\nbut it was already assigned to %s by %s", downRef, ownRef, pkgName, name, v.Str, m.value.Str, m.ref)
		}
		if p.modified == nil {
			// Room for all of down's at once: the lists grow one by one.
			p.modified = make([]modEntry, 0, down.Len())
			p.items = slices.Grow(p.items, down.Len())
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
	Own *PackageValues
	// pkgs are the package names and their values, in the order first
	// seen. A graph holds two Values for every package, each with an
	// entry per package of its closure, mostly read in order: a slice,
	// with an index by name built only for lookups in a long one.
	pkgs  []PackageEntry
	index map[string]int32
	// borrowed marks pkgs as another's list (see Options.SharedValues):
	// copied before an entry changes in place.
	borrowed bool
	// cleared, when not nil, stands for pkgs (then empty): an entry per
	// package it names, each with one shared empty set (CopyCleared).
	// Most IDs only count them, so the list is made when something
	// asks for the entries (entries).
	cleared []PackageEntry
}

// entries makes the list cleared stands for, and returns the list.
func (v *Values) entries() []PackageEntry {
	if v.cleared != nil {
		empty := &PackageValues{cleared: true}
		pkgs := make([]PackageEntry, len(v.cleared))
		for i, e := range v.cleared {
			pkgs[i] = PackageEntry{Name: e.Name, Values: empty}
		}
		v.pkgs, v.cleared = pkgs, nil
	}
	return v.pkgs
}

// ClearedLen is the number of packages when every one still holds the
// empty set CopyCleared gave it, untouched (ok false: some may not).
func (v *Values) ClearedLen() (n int, ok bool) { return len(v.cleared), v.cleared != nil }

// PackageEntry is one package's values in Values.
type PackageEntry struct {
	Name   string
	Values *PackageValues
}

// scanMax is how many packages a lookup scans before Values builds an
// index by name.
const scanMax = 8

// NewValues returns empty values.
func NewValues() *Values { return &Values{Own: NewPackageValues()} }

// newValuesFor is NewValues sized for n packages, own values left to the
// caller.
func newValuesFor(n int) *Values {
	return &Values{pkgs: make([]PackageEntry, 0, n)}
}

// find returns the position of a package, or -1.
func (v *Values) find(name string) int { return findByName(v.entries(), &v.index, name) }

// add appends a package known to be missing.
func (v *Values) add(name string, p *PackageValues) {
	v.pkgs = appendByName(v.entries(), v.index, PackageEntry{Name: name, Values: p})
}

// named are the entries of the lists by name that Values and Options
// keep in first-seen order.
type named interface{ entryName() string }

func (e PackageEntry) entryName() string { return e.Name }

// findByName returns the position of name in list, or -1: a scan while
// the list is short, an index (made in *index on the first lookup in a
// long list, and kept by appendByName) after that.
func findByName[E named](list []E, index *map[string]int32, name string) int {
	if *index == nil && len(list) > scanMax {
		m := make(map[string]int32, len(list))
		for i, e := range list {
			m[e.entryName()] = int32(i)
		}
		*index = m
	}
	if *index != nil {
		if i, ok := (*index)[name]; ok {
			return int(i)
		}
		return -1
	}
	for i, e := range list {
		if e.entryName() == name {
			return i
		}
	}
	return -1
}

// appendByName appends an entry whose name list lacks, keeping index.
func appendByName[E named](list []E, index map[string]int32, e E) []E {
	if index != nil {
		index[e.entryName()] = int32(len(list))
	}
	return append(list, e)
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
		if strings.Count(key, ":") == 1 {
			pkg, opt, _ := strings.Cut(key, ":")
			pkg = strings.TrimSuffix(pkg, "/*")
			v.Pkg(strings.TrimSpace(pkg)).Set(opt, val)
			continue
		}
		v.Own.Set(key, val)
	}
	return v
}

// Pkg returns (creating) the values for a package name or pattern, to
// change.
func (v *Values) Pkg(name string) *PackageValues {
	i := v.find(name)
	if i < 0 {
		p := NewPackageValues()
		v.add(name, p)
		return p
	}
	if v.pkgs[i].Values.cleared {
		v.ownList()
		v.pkgs[i].Values = NewPackageValues() // its own, to write
	} else if v.borrowed {
		// A package's final values (Options.SharedValues) share their
		// sets with the package, its dependencies and its consumers: a
		// write (info.full_options in package_id()) goes to copies.
		v.ownList()
		for j := range v.pkgs {
			v.pkgs[j].Values = v.pkgs[j].Values.Copy()
		}
	}
	return v.pkgs[i].Values
}

// Len is the number of packages with values.
func (v *Values) Len() int { return len(v.pkgs) + len(v.cleared) }

// Lookup returns the values for a package name if present (to read).
func (v *Values) Lookup(name string) (*PackageValues, bool) {
	if i := v.find(name); i >= 0 {
		return v.pkgs[i].Values, true
	}
	return nil, false
}

// SetPkg replaces the values of a package.
func (v *Values) SetPkg(name string, p *PackageValues) {
	if i := v.find(name); i >= 0 {
		v.ownList()
		v.pkgs[i].Values = p
		return
	}
	v.add(name, p)
}

// ownList copies a borrowed list of packages before an entry changes.
func (v *Values) ownList() {
	if v.borrowed {
		v.pkgs, v.borrowed = slices.Clone(v.pkgs), false
	}
}

// PopPkg removes and returns the values of a package.
func (v *Values) PopPkg(name string) *PackageValues {
	i := v.find(name)
	if i < 0 {
		return nil
	}
	p := v.pkgs[i].Values
	v.pkgs = append(v.pkgs[:i:i], v.pkgs[i+1:]...)
	v.index = nil
	return p
}

// PkgNames returns the package names sorted.
func (v *Values) PkgNames() []string {
	r := make([]string, v.Len())
	for i, e := range v.entries() {
		r[i] = e.Name
	}
	sort.Strings(r)
	return r
}

// PackagesView is the packages in first-seen order, for reading only:
// the caller must neither keep nor change it.
func (v *Values) PackagesView() []PackageEntry { return v.entries() }

// Packages returns the packages and their values sorted by name (the
// values to read, not to change).
func (v *Values) Packages() []PackageEntry {
	r := slices.Clone(v.entries())
	slices.SortFunc(r, func(a, b PackageEntry) int { return strings.Compare(a.Name, b.Name) })
	return r
}

// Update copies other into v, value by value.
func (v *Values) Update(other *Values) {
	v.Own.Update(other.Own)
	for _, e := range other.entries() {
		v.Pkg(e.Name).Update(e.Values)
	}
}

// Copy returns a deep copy.
func (v *Values) Copy() *Values {
	if v.cleared != nil {
		return &Values{Own: v.Own.Copy(), cleared: v.cleared}
	}
	c := newValuesFor(len(v.pkgs))
	c.Own = v.Own.Copy()
	for _, e := range v.pkgs {
		c.pkgs = append(c.pkgs, PackageEntry{Name: e.Name, Values: e.Values.Copy()})
	}
	return c
}

// CopyCleared is Copy with every package's values emptied (Conan's
// clear_indirect), without copying them: the packages share one empty
// value set until Pkg asks for one to change, and the list of them is
// v's until something asks for it (see cleared). v's list must not
// change any more (a package's final values do not).
func (v *Values) CopyCleared() *Values {
	names := v.cleared
	if names == nil {
		names = v.pkgs[:len(v.pkgs):len(v.pkgs)]
		if names == nil {
			names = []PackageEntry{}
		}
		// The copy reads the names in v's list: v copies its list before
		// it changes an entry in place.
		v.borrowed = true
	}
	return &Values{Own: v.Own.Copy(), cleared: names}
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

// FilterUsed keeps only the named packages.
func (v *Values) FilterUsed(names map[string]bool) {
	if v.cleared != nil {
		all := true
		for _, e := range v.cleared {
			if !names[e.Name] {
				all = false
				break
			}
		}
		if all { // the usual case: nothing to drop, nothing to make
			return
		}
	}
	v.entries()
	v.ownList()
	kept := v.pkgs[:0]
	for _, e := range v.pkgs {
		if names[e.Name] {
			kept = append(kept, e)
		}
	}
	if len(kept) < len(v.pkgs) {
		clear(v.pkgs[len(kept):])
		v.pkgs, v.index = kept, nil
	}
}

// Clear drops everything.
func (v *Values) Clear() {
	v.Own.Clear()
	v.pkgs, v.index, v.cleared = nil, nil, nil
}

// Dumps is Conan's text form: one "key=value" line each, own values then
// "pkg:key=value" per package, each group sorted (Conan's as_list). The
// lines are written as they come: a lockfile holds one of these for
// every node, each as long as the node's closure.
func (v *Values) Dumps() string {
	var b strings.Builder
	v.DumpsTo(&b)
	return b.String()
}

// DumpsTo writes what Dumps returns to w, in pieces that split no
// character, without making the text whole.
func (v *Values) DumpsTo(w io.StringWriter) {
	var d Dumper
	d.DumpsTo(w, v)
}

// Dumper writes the Dumps texts of many values that no longer change: a
// lockfile holds one for every package, each with a line per option of
// the package's closure. A package's lines are rendered once for every
// set of values: those a graph hands down are shared by the packages
// below, whose texts repeat them.
type Dumper struct {
	lines map[dumpKey]string
	pkgs  []PackageEntry // one Values' packages, sorted
	buf   []byte
}

type dumpKey struct {
	name string
	v    *PackageValues
}

// DumpsTo writes what v.Dumps returns to w, in pieces that split no
// character.
func (d *Dumper) DumpsTo(w io.StringWriter, v *Values) {
	first := true
	for _, it := range v.Own.Sorted() {
		if !first {
			w.WriteString("\n")
		}
		first = false
		w.WriteString(it.Name)
		w.WriteString("=")
		w.WriteString(it.Value.Str)
	}
	// The packages of cleared values all hold the empty set: no lines.
	d.pkgs = append(d.pkgs[:0], v.pkgs...)
	slices.SortFunc(d.pkgs, func(a, b PackageEntry) int { return strings.Compare(a.Name, b.Name) })
	if d.lines == nil {
		d.lines = map[dumpKey]string{}
	}
	for _, e := range d.pkgs {
		if e.Values.Len() == 0 {
			continue
		}
		k := dumpKey{e.Name, e.Values}
		text, ok := d.lines[k]
		if !ok {
			b := d.buf[:0]
			for i, it := range e.Values.Sorted() {
				if i > 0 {
					b = append(b, '\n')
				}
				b = append(b, e.Name...)
				b = append(b, ':')
				b = append(b, it.Name...)
				b = append(b, '=')
				b = append(b, it.Value.Str...)
			}
			text, d.buf = string(b), b
			d.lines[k] = text
		}
		if !first {
			w.WriteString("\n")
		}
		first = false
		w.WriteString(text)
	}
	clear(d.pkgs) // keep no values alive
}

// Equal compares values (not origins), ignoring packages missing in o.
func (v *Values) Equal(o *Values) bool {
	if !v.Own.Equal(o.Own) {
		return false
	}
	for _, e := range v.entries() {
		op, ok := o.Lookup(e.Name)
		if !ok {
			op = NewPackageValues()
		}
		if !e.Values.Equal(op) {
			return false
		}
	}
	return true
}
