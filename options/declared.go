package options

import (
	"iter"
	"slices"
	"sort"
	"strings"
)

// EventKind classifies an entry in an option's log.
type EventKind int

const (
	// Assigned: the option took the value.
	Assigned EventKind = iota + 1
	// Unchanged: a downstream value equal to the current one; Conan does
	// not record it as an assignment.
	Unchanged
	// Ignored: a pattern matched the package but the option does not
	// exist (or was removed), so the value was not applied.
	Ignored
	// Removed: the option was deleted (del self.options.x, rm_safe).
	Removed
	// Rejected: the assignment failed (a conflict or a bad value); the
	// error stopped Conan.
	Rejected
)

func (k EventKind) String() string {
	return [...]string{"", "assigned", "unchanged", "ignored", "removed", "rejected"}[k]
}

// MarshalText names the kind in JSON.
func (k EventKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Event is one thing that happened to an option of a package.
type Event struct {
	Option string    `json:"option"`
	Kind   EventKind `json:"kind"`
	Value  string    `json:"value,omitempty"`
	HasVal bool      `json:"-"`
	Origin *Origin   `json:"origin,omitempty"`
	// Via is the consumer that propagated the value to this package
	// (empty for the package's own code and defaults).
	Via    string `json:"via,omitempty"`
	Reason string `json:"reason,omitempty"`
}

// Option is one declared option (Conan's PackageOption).
type Option struct {
	name     string
	any      bool
	possible []string // sorted
	value    *Value   // nil: no value (Python None)
}

// Name returns the option's name.
func (o *Option) Name() string { return o.name }

// Value returns the value and whether one is set.
func (o *Option) Value() (Value, bool) {
	if o.value == nil {
		return Value{}, false
	}
	return *o.value, true
}

// String is str(option): the value or "None".
func (o *Option) String() string {
	if o.value == nil {
		return "None"
	}
	return o.value.Str
}

// Truth is bool(option).
func (o *Option) Truth() bool { return o.value != nil && Truthy(o.value.Str) }

// IsAny reports whether any value is accepted.
func (o *Option) IsAny() bool { return o.any }

// Possible returns the allowed values (nil when any value is accepted).
func (o *Option) Possible() []string { return o.possible }

func (o *Option) check(v string) error {
	if !o.any && !contains(o.possible, v) {
		return wrongValue(o.name, v, o.possible)
	}
	return nil
}

// Eq is option == other (nil for None): comparing with an impossible
// value is an error, as in Conan.
func (o *Option) Eq(other *string) (bool, error) {
	if other == nil {
		return o.value == nil, nil
	}
	if err := o.check(*other); err != nil {
		return false, err
	}
	return *other == o.String(), nil
}

// RemoveValues drops possible values; the current value must stay valid.
func (o *Option) RemoveValues(values ...string) error {
	if o.any {
		return nil
	}
	var keep []string
	for _, p := range o.possible {
		if !contains(values, p) {
			keep = append(keep, p)
		}
	}
	o.possible = keep
	if o.value != nil {
		return o.check(o.value.Str)
	}
	return nil
}

func contains(l []string, v string) bool {
	for _, x := range l {
		if x == v {
			return true
		}
	}
	return false
}

// Definition is a declared option: its name and possible values as
// strings; Any when "ANY" is among them.
type Definition struct {
	Name     string
	Possible []string
	Any      bool
}

// PackageOptions are a recipe's declared options (Conan's PackageOptions).
type PackageOptions struct {
	data     optionList
	order    []string // declaration order
	modified map[string]modEntry
	frozen   bool
	// Ref names the package in events and messages.
	Ref string
	log []Event
	// unlogged says that nothing is recorded in log, nor in the depLog
	// of the Options holding these (see Options.Unlogged).
	unlogged bool
}

// optionList is a package's declared options, sorted by name: found by
// a scan in the usual handful, by halves in a long list (a recipe may
// declare a hundred), and listed in order without sorting (every node
// lists its own for its ID).
type optionList []*Option

func (l optionList) find(name string) int {
	if len(l) <= 16 {
		for i, o := range l {
			if o.name == name {
				return i
			}
		}
		return -1
	}
	i, ok := slices.BinarySearchFunc(l, name, func(o *Option, name string) int { return strings.Compare(o.name, name) })
	if !ok {
		return -1
	}
	return i
}

func (l optionList) get(name string) (*Option, bool) {
	if i := l.find(name); i >= 0 {
		return l[i], true
	}
	return nil, false
}

// put adds an option or replaces the one of its name.
func (l *optionList) put(o *Option) {
	i, ok := slices.BinarySearchFunc(*l, o.name, func(o *Option, name string) int { return strings.Compare(o.name, name) })
	if ok {
		(*l)[i] = o
		return
	}
	*l = slices.Insert(*l, i, o)
}

func (l *optionList) del(name string) bool {
	if i := l.find(name); i >= 0 {
		*l = slices.Delete(*l, i, i+1)
		return true
	}
	return false
}

// NewPackageOptions declares options. The options take the definitions'
// Possible slices, sorted in place.
func NewPackageOptions(defs []Definition) *PackageOptions {
	p := &PackageOptions{data: make(optionList, 0, len(defs)), order: make([]string, 0, len(defs))}
	all := make([]Option, len(defs)) // one allocation for every option
	for i, d := range defs {
		o := &all[i]
		o.name = d.Name
		if d.Any || contains(d.Possible, "ANY") {
			o.any = true
		} else {
			// The option takes the slice: sorted in place, not copied.
			o.possible = d.Possible
			sort.Strings(o.possible)
		}
		if p.data.find(d.Name) < 0 {
			p.order = append(p.order, d.Name)
		}
		p.data.put(o)
	}
	return p
}

// Log returns every event recorded so far, in order.
func (p *PackageOptions) Log() []Event { return p.log }

// Record appends an event (used by the graph for events it detects).
func (p *PackageOptions) Record(e Event) {
	if !p.unlogged {
		p.log = append(p.log, e)
	}
}

// Fields returns the option names sorted.
func (p *PackageOptions) Fields() []string {
	names := make([]string, len(p.data))
	for i, o := range p.data {
		names[i] = o.name
	}
	return names
}

func (p *PackageOptions) unsortedFields() []string {
	var r []string
	for _, n := range p.order {
		if p.data.find(n) >= 0 {
			r = append(r, n)
		}
	}
	return r
}

// Has reports whether an option is declared.
func (p *PackageOptions) Has(name string) bool { return p.data.find(name) >= 0 }

// Get returns a declared option, or Conan's "doesn't exist" error.
func (p *PackageOptions) Get(name string) (*Option, error) {
	o, ok := p.data.get(name)
	if !ok {
		return nil, notExist(name, p.unsortedFields())
	}
	return o, nil
}

// Lookup returns a declared option if it exists.
func (p *PackageOptions) Lookup(name string) (*Option, bool) {
	return p.data.get(name)
}

// Set assigns an option's value (self.options.x = v), checking it.
func (p *PackageOptions) Set(name string, v Value) error {
	o, err := p.Get(name)
	if err != nil {
		return err
	}
	if err := o.check(v.Str); err != nil {
		p.Record(Event{Option: name, Kind: Rejected, Value: v.Str, HasVal: true, Origin: v.Origin, Reason: err.Error()})
		return err
	}
	o.value = &v
	p.Record(Event{Option: name, Kind: Assigned, Value: v.Str, HasVal: true, Origin: v.Origin})
	return nil
}

// Del removes a declared option (del self.options.x), which must exist.
func (p *PackageOptions) Del(name string, origin *Origin) error {
	if _, err := p.Get(name); err != nil {
		return err
	}
	p.data.del(name)
	p.Record(Event{Option: name, Kind: Removed, Origin: origin})
	return nil
}

// Remove drops options if declared.
func (p *PackageOptions) Remove(origin *Origin, names ...string) {
	for _, n := range names {
		if p.data.del(n) {
			p.Record(Event{Option: n, Kind: Removed, Origin: origin})
		}
	}
}

// Clear removes every option.
func (p *PackageOptions) Clear(origin *Origin) {
	for _, n := range p.Fields() {
		p.Record(Event{Option: n, Kind: Removed, Origin: origin})
	}
	p.data = nil
}

// Validate checks that every option has a value or may be None.
func (p *PackageOptions) Validate() error {
	for _, o := range p.data {
		if o.value == nil && (o.any || !contains(o.possible, "None")) {
			return errorf("'%s' value not defined", o.name)
		}
	}
	return nil
}

// Values returns the current values (Conan's PackageOptions.values); an
// option without value gives "None".
func (p *PackageOptions) Values() *PackageValues {
	r := &PackageValues{items: make([]Item, len(p.data))}
	for i, o := range p.data { // distinct, sorted
		v := Value{Str: "None"}
		if o.value != nil {
			v = *o.value
		}
		r.items[i] = Item{Name: o.name, Value: v}
	}
	return r
}

// SetValues assigns every given value; each option must exist.
func (p *PackageOptions) SetValues(vals *PackageValues) error {
	for _, it := range vals.Sorted() {
		if err := p.Set(it.Name, it.Value); err != nil {
			return err
		}
	}
	return nil
}

// InitializePatterns applies values only to options that exist.
func (p *PackageOptions) InitializePatterns(vals *PackageValues) error {
	for _, it := range vals.Sorted() {
		if p.data.find(it.Name) >= 0 {
			if err := p.Set(it.Name, it.Value); err != nil {
				return err
			}
		} else {
			p.Record(Event{Option: it.Name, Kind: Ignored, Value: it.Value.Str, HasVal: true, Origin: it.Value.Origin, Reason: "the package has no such option"})
		}
	}
	return nil
}

// Freeze forbids later changes from downstream.
func (p *PackageOptions) Freeze() { p.frozen = true }

// PropagateUpstream applies values given by downstream consumer downRef.
// Names listed in patternNames came from patterns and are skipped when
// the option does not exist.
func (p *PackageOptions) PropagateUpstream(vals *PackageValues, downRef, ownRef string, patternNames map[string]bool) error {
	if vals.Len() == 0 {
		return nil
	}
	for _, it := range vals.Sorted() {
		name, v := it.Name, it.Value
		if o, ok := p.data.get(name); ok && o.value != nil && o.value.Str == v.Str {
			p.Record(Event{Option: name, Kind: Unchanged, Value: v.Str, HasVal: true, Origin: v.Origin, Via: downRef})
			continue
		}
		if p.frozen {
			cur := "None"
			if o, ok := p.data.get(name); ok {
				cur = o.String()
			}
			err := errorf("%s tried to change %s option %s to %s\nbut it was already defined as %s", downRef, ownRef, name, v.Str, cur)
			p.Record(Event{Option: name, Kind: Rejected, Value: v.Str, HasVal: true, Origin: v.Origin, Via: downRef, Reason: err.Error()})
			return err
		}
		if m, ok := p.modified[name]; ok {
			err := errorf("%s tried to change %s option %s to %s\nbut it was already assigned to %s by %s", downRef, ownRef, name, v.Str, m.value.Str, m.ref)
			p.Record(Event{Option: name, Kind: Rejected, Value: v.Str, HasVal: true, Origin: v.Origin, Via: downRef, Reason: err.Error()})
			return err
		}
		o, exists := p.data.get(name)
		if patternNames[name] && !exists {
			p.Record(Event{Option: name, Kind: Ignored, Value: v.Str, HasVal: true, Origin: v.Origin, Via: downRef, Reason: "the package has no such option"})
			continue
		}
		if !exists {
			return notExist(name, p.unsortedFields())
		}
		if err := o.check(v.Str); err != nil {
			p.Record(Event{Option: name, Kind: Rejected, Value: v.Str, HasVal: true, Origin: v.Origin, Via: downRef, Reason: err.Error()})
			return err
		}
		vv := v
		o.value = &vv
		if p.modified == nil {
			p.modified = map[string]modEntry{}
		}
		p.modified[name] = modEntry{name, v, downRef}
		p.Record(Event{Option: name, Kind: Assigned, Value: v.Str, HasVal: true, Origin: v.Origin, Via: downRef})
	}
	return nil
}

// ---- Options ----

// Options is a recipe's self.options: its own declared options and the
// values it holds for its dependencies, by package name.
type Options struct {
	Pkg *PackageOptions
	// deps are the values held for dependencies, in first-seen order.
	// Most nodes only ever read them in order (their final options, for
	// their consumers): the index by name is built on the first lookup
	// among more than scanMax of them.
	deps  []PackageEntry
	index map[string]int32
	// copyAt marks the entries of deps taken from a dependency's final
	// options without copying (see Finish), which Dep copies before
	// anything writes; nil when there are none.
	copyAt []bool
	// lent is set once SharedValues has handed out deps itself: an entry
	// is then replaced in a copy of the list.
	lent bool
	// pass marks the entries that are, unchanged, the values a consumer
	// handed down for a package this one had none for (see passDown);
	// their copyAt is set too. nil when there are none. vias are the
	// consumers the marks name.
	pass []passMark
	vias []string
	// depLog records every value this package gave or passed on to a
	// dependency, in order (Event.Option is "zlib:shared", or
	// "*:shared" for a pattern).
	depLog []Event
}

// find returns the position of a dependency's values, or -1.
func (o *Options) find(name string) int { return findByName(o.deps, &o.index, name) }

// depValues makes Values (own values left to the caller) of copies of
// dependency values, in order.
func depValues(deps []PackageEntry) *Values {
	v := newValuesFor(len(deps))
	for _, e := range deps { // distinct names
		v.pkgs = append(v.pkgs, PackageEntry{Name: e.Name, Values: e.Values.Copy()})
	}
	return v
}

// DepLog returns the record of values held for dependencies.
func (o *Options) DepLog() []Event { return o.depLog }

// track makes v journal its assignments into the dependency log.
func (o *Options) track(name string, v *PackageValues) *PackageValues {
	if !o.Pkg.unlogged {
		v.journal, v.jkey = &o.depLog, name
	}
	return v
}

// Unlogged stops recording where values came from: Pkg.Log and DepLog
// stay as they are from now on. Only explanations read them, and a
// graph's records are 3% of its memory (an event per value each
// package gives, receives or passes on).
func (o *Options) Unlogged() { o.Pkg.unlogged = true }

// New wraps declared options.
func New(p *PackageOptions) *Options { return &Options{Pkg: p} }

// copyPassed, set by tests, makes PropagateUpstream copy what a
// consumer hands down for a package this one holds nothing for, as
// passDown stands for.
var copyPassed bool

// passMark says whether an entry is what a consumer handed down
// unchanged: 0 if not, else the consumer's place in Options.vias plus
// one, and whether the package has frozen its options since. A byte: a
// package keeps one per entry of its closure, which may hold thousands.
type passMark uint8

const passFrozen passMark = 0x80

func (m passMark) on() bool     { return m != 0 }
func (m passMark) frozen() bool { return m&passFrozen != 0 }

// Dep returns (creating) the values held for a dependency (Python's
// self.options["zlib"]), this package's own to write.
func (o *Options) Dep(name string) *PackageValues {
	i := o.find(name)
	if i < 0 {
		v := o.track(name, NewPackageValues())
		o.deps = appendByName(o.deps, o.index, PackageEntry{Name: name, Values: v})
		if o.copyAt != nil {
			o.copyAt = append(o.copyAt, false)
		}
		if o.pass != nil {
			o.pass = append(o.pass, 0)
		}
		return v
	}
	v := o.deps[i].Values
	switch {
	case o.copyAt != nil && o.copyAt[i]:
		if o.pass != nil && o.pass[i].on() {
			v = o.passedValues(i)
			o.pass[i] = 0
		} else {
			v = v.Copy()
		}
		o.copyAt[i] = false
	case v.handedDown:
		v = v.clone()
	default:
		return v
	}
	if o.lent {
		o.deps, o.lent = slices.Clone(o.deps), false
	}
	o.deps[i].Values = v
	return v
}

// passDown gives this package, which holds nothing for name yet, the
// values v that consumer via hands down, without copying them: the
// entry is what PropagateUpstream would make of an empty set (each value
// assigned, and recorded as via's), made only when something asks to
// write to it (passedValues). v's items must be sorted, the order that
// PropagateUpstream assigns them in. It reports false, having done
// nothing, when the package has had too many consumers to mark another.
func (o *Options) passDown(name string, v *PackageValues, via string) bool {
	k := slices.Index(o.vias, via)
	if k < 0 {
		if len(o.vias) == int(passFrozen-1) {
			return false
		}
		k = len(o.vias)
		o.vias = append(o.vias, via)
	}
	if o.copyAt == nil {
		o.copyAt = make([]bool, len(o.deps), cap(o.deps))
	}
	if o.pass == nil {
		o.pass = make([]passMark, len(o.deps), cap(o.deps))
	}
	o.deps = appendByName(o.deps, o.index, PackageEntry{Name: name, Values: v})
	o.copyAt = append(o.copyAt, true)
	o.pass = append(o.pass, passMark(k+1))
	if !o.Pkg.unlogged {
		for _, it := range v.items {
			o.depLog = append(o.depLog, Event{Option: name + ":" + it.Name, Kind: Assigned, Value: it.Value.Str, HasVal: true, Origin: it.Value.Origin, Via: via})
		}
	}
	return true
}

// passedValues makes the entry at i that passDown shared this package's
// own.
func (o *Options) passedValues(i int) *PackageValues {
	src, m := o.deps[i].Values, o.pass[i]
	via := o.vias[m&^passFrozen-1]
	v := &PackageValues{items: slices.Clone(src.items), modified: make([]modEntry, len(src.items))}
	for j, it := range src.items {
		v.modified[j] = modEntry{it.Name, it.Value, via}
	}
	v.frozen.Store(m.frozen())
	return o.track(o.deps[i].Name, v)
}

// DepNames returns dependency names sorted.
func (o *Options) DepNames() []string {
	r := make([]string, 0, len(o.deps))
	for _, e := range o.deps {
		r = append(r, e.Name)
	}
	sort.Strings(r)
	return r
}

// LookupDep returns held values for a dependency if any, to read: they
// may be shared (Dep gives the package's own to write).
func (o *Options) LookupDep(name string) (*PackageValues, bool) {
	if i := o.find(name); i >= 0 {
		return o.deps[i].Values, true
	}
	return nil, false
}

// Down is what a consumer hands on to its dependencies: the values it
// holds for each package name (or pattern). Conan sorts the names for
// every dependency it hands them to and matches each against the
// dependency's name; a Down sorts them once and keeps apart the few that
// are patterns, as a name without *, ? or [ matches only itself.
type Down struct {
	names []string // sorted: found by binary search
	vals  []*PackageValues
	wild  []int // positions of the patterns among names
}

// NewDown makes a Down of values by name.
func NewDown(m map[string]*PackageValues) *Down {
	if len(m) == 0 {
		return nil
	}
	d := &Down{names: make([]string, 0, len(m)), vals: make([]*PackageValues, len(m))}
	for k := range m {
		d.names = append(d.names, k)
	}
	sort.Strings(d.names)
	for i, k := range d.names {
		d.vals[i] = m[k]
		d.vals[i].handedDown = true
		d.index(i)
	}
	return d
}

// Len is the number of names.
func (d *Down) Len() int {
	if d == nil {
		return 0
	}
	return len(d.names)
}

// All yields the names, sorted, with their values.
func (d *Down) All() iter.Seq2[string, *PackageValues] {
	return func(yield func(string, *PackageValues) bool) {
		if d == nil {
			return
		}
		for i, name := range d.names {
			if !yield(name, d.vals[i]) {
				return
			}
		}
	}
}

// Get returns the values for a name.
func (d *Down) Get(name string) (*PackageValues, bool) {
	if d == nil {
		return nil, false
	}
	i, ok := slices.BinarySearch(d.names, name)
	if !ok {
		return nil, false
	}
	return d.vals[i], true
}

// DepsValues returns every dependency's values (shared, not copied), to
// hand on to dependencies; nil when there are none.
func (o *Options) DepsValues() *Down {
	if len(o.deps) == 0 {
		return nil
	}
	d := &Down{names: make([]string, len(o.deps)), vals: make([]*PackageValues, len(o.deps))}
	order := make([]int, len(o.deps))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(o.deps[a].Name, o.deps[b].Name) })
	for i, j := range order { // names are distinct
		d.names[i], d.vals[i] = o.deps[j].Name, o.deps[j].Values
		d.vals[i].handedDown = true
		d.index(i)
	}
	return d
}

// index notes whether the name at position i is a pattern.
func (d *Down) index(i int) {
	if strings.ContainsAny(d.names[i], "*?[") {
		d.wild = append(d.wild, i)
	}
}

// Values is Conan's Options.values: own values and copies of the values
// held for dependencies.
func (o *Options) Values() *Values {
	v := depValues(o.deps)
	v.Own = o.Pkg.Values()
	return v
}

// SharedValues is Values without copying what is held for dependencies:
// for the graph's records of final options, which nothing writes. The
// record reads the options' own list until either side would change an
// entry in place; that side copies the list first.
func (o *Options) SharedValues() *Values {
	o.lent = true
	return &Values{Own: o.Pkg.Values(), pkgs: o.deps[:len(o.deps):len(o.deps)], borrowed: true}
}

// SetValues is Conan's "options.values = v": own values are assigned and
// checked, dependency values replaced.
func (o *Options) SetValues(v *Values) error {
	if err := o.Pkg.SetValues(v.Own); err != nil {
		return err
	}
	o.deps, o.index, o.lent, o.copyAt, o.pass, o.vias = make([]PackageEntry, 0, v.Len()), nil, false, nil, nil, nil
	for _, e := range v.entries() {
		d := o.track(e.Name, NewPackageValues())
		d.Update(e.Values)
		o.deps = appendByName(o.deps, o.index, PackageEntry{Name: e.Name, Values: d})
	}
	return nil
}

// Copy returns a deep copy (the log is shared up to this point).
func (o *Options) Copy() *Options {
	c := New(o.Pkg.copy())
	c.deps = make([]PackageEntry, len(o.deps))
	for i, e := range o.deps {
		c.deps[i] = PackageEntry{Name: e.Name, Values: e.Values.Copy()}
	}
	return c
}

func (p *PackageOptions) copy() *PackageOptions {
	c := &PackageOptions{data: make(optionList, len(p.data)), order: p.order, Ref: p.Ref, log: append([]Event(nil), p.log...), unlogged: p.unlogged}
	all := make([]Option, len(p.data))
	for i, o := range p.data {
		all[i] = *o
		all[i].possible = append([]string(nil), o.possible...)
		c.data[i] = &all[i]
	}
	return c
}

// Freeze freezes own options and held dependency values. The sets it
// shares are left to their owners: a dependency's final values, which
// the dependency froze when it finished, and what a consumer handed
// down, which the consumer freezes (the entry notes that this package
// froze since, for the copy Dep makes).
func (o *Options) Freeze() {
	o.Pkg.Freeze()
	for i, e := range o.deps {
		switch {
		case o.pass != nil && o.pass[i].on():
			o.pass[i] |= passFrozen
		case o.copyAt != nil && o.copyAt[i]:
		default:
			e.Values.Freeze()
		}
	}
}

// PropagateUpstream applies what downstream consumer downRef gives: down
// maps a package name or pattern to values. Patterns other than the exact
// name are applied first (in sorted order), then the exact name; values
// for other packages are kept for passing further upstream.
func (o *Options) PropagateUpstream(down *Down, downRef, ownName, ownRef string) error {
	if down.Len() == 0 {
		return nil
	}
	merged := NewPackageValues()
	patternNames := map[string]bool{}
	for _, i := range down.wild { // in sorted order, as Conan's loop
		if pattern := down.names[i]; pattern != ownName && Match(ownName, pattern) {
			merged.Update(down.vals[i])
		}
	}
	for _, n := range merged.InsertionNames() {
		patternNames[n] = true
	}
	if exact, ok := down.Get(ownName); ok {
		// A pattern value the exact one replaces never reaches the
		// package; record it so that explain can show it.
		for _, it := range exact.Sorted() {
			if pv, ok := merged.Get(it.Name); ok && pv.Str != it.Value.Str {
				o.Pkg.Record(Event{Option: it.Name, Kind: Assigned, Value: pv.Str, HasVal: true, Origin: pv.Origin, Via: downRef})
			}
		}
		merged.Update(exact)
	}
	if err := o.Pkg.PropagateUpstream(merged, downRef, ownRef, patternNames); err != nil {
		return err
	}
	if len(down.names) > 2 {
		// Mostly a new package receiving its consumer's values: room for
		// them, and for their record, at once.
		if len(o.deps) == 0 && o.index == nil && len(down.names) > scanMax {
			o.index = make(map[string]int32, len(down.names))
		}
		o.deps = slices.Grow(o.deps, len(down.names))
		if !o.Pkg.unlogged {
			n := 0
			for _, v := range down.vals {
				n += v.Len()
			}
			o.depLog = slices.Grow(o.depLog, n)
		}
	}
	for i, name := range down.names {
		if name == ownName {
			continue
		}
		// Mostly values for a package this one holds none for: its own
		// copy would hold them all, as given by downRef.
		if v := down.vals[i]; !copyPassed && v.Len() > 0 && o.find(name) < 0 && slices.IsSortedFunc(v.items, cmpItem) && o.passDown(name, v, downRef) {
			continue
		}
		if err := o.Dep(name).PropagateUpstream(down.vals[i], downRef, ownRef, name); err != nil {
			return err
		}
	}
	return nil
}

// InitializeUpstream applies user values (profile, -o) to a consumer:
// patterns matching its name (or "&") first, then its own values, then
// values for dependencies are kept.
func (o *Options) InitializeUpstream(user *Values, name string) error {
	if user == nil {
		return nil
	}
	for _, pattern := range user.PkgNames() {
		if Match(name, pattern) || pattern == "&" {
			p, _ := user.Lookup(pattern)
			if err := o.Pkg.InitializePatterns(p); err != nil {
				return err
			}
		}
	}
	if err := o.Pkg.SetValues(user.Own); err != nil {
		return err
	}
	for _, e := range user.entries() {
		o.Dep(e.Name).Update(e.Values)
	}
	return nil
}

// Final is a dependency's final options: its own values and those it
// holds for its dependencies.
type Final struct {
	Name   string
	Values *Values
}

// Scratch is working space for Finish that its caller reuses from one
// package to the next.
type Scratch struct {
	index map[string]int32
	buf   []PackageEntry
	copy  []bool
	pass  []passMark
	keep  []bool
}

// Finish is what Conan does to a package's options once its
// dependencies are final (_propagate_options): each dependency's own
// values and those it holds replace what the package holds for them,
// in turn; if keepSnapshot, the result is kept for the build
// requirements (returned, made when called); then the values of
// packages used does not name (it may repeat names) are dropped, and
// everything is frozen. The
// values are merged in scratch, so that the package keeps one table of
// the right size and no index by name until something looks one up.
func (o *Options) Finish(finals []Final, used iter.Seq[string], keepSnapshot bool, scratch *Scratch) (snapshot func() *Values) {
	if scratch.index == nil {
		scratch.index = map[string]int32{}
	}
	index := scratch.index
	clear(index)
	merged := append(scratch.buf[:0], o.deps...)
	copyAt := append(scratch.copy[:0], o.copyAt...) // o.copyAt: nil or one per entry
	for len(copyAt) < len(merged) {
		copyAt = append(copyAt, false)
	}
	passAt := append(scratch.pass[:0], o.pass...) // likewise
	for len(passAt) < len(merged) {
		passAt = append(passAt, 0)
	}
	for i, e := range merged {
		index[e.Name] = int32(i)
	}
	set := func(name string, v *PackageValues, shared bool) {
		if i, ok := index[name]; ok {
			merged[i].Values = v
			// A replaced entry that a consumer handed down stood for
			// this package's own copy.
			copyAt[i] = copyAt[i] && !passAt[i].on() || shared
			passAt[i] = 0
			return
		}
		index[name] = int32(len(merged))
		merged = append(merged, PackageEntry{Name: name, Values: v})
		copyAt = append(copyAt, shared)
		passAt = append(passAt, 0)
	}
	for _, f := range finals {
		set(f.Name, f.Values.Own, false)
		for _, e := range f.Values.entries() {
			// Final values of a dependency's dependencies are not
			// written again; share them until something asks to (Dep).
			set(e.Name, e.Values, true)
		}
	}
	if keepSnapshot {
		all := slices.Clone(merged)
		snapshot = func() *Values {
			v := newValuesFor(len(all))
			v.pkgs = append(v.pkgs, all...)
			v.Own = NewPackageValues()
			v.borrowed = true // the sets are this package's and others'
			return v
		}
	}
	// Mark what is used: looking the names up in index costs less than
	// making a set of them (a package's closure, again for every
	// package).
	keep := scratch.keep[:0]
	for range merged {
		keep = append(keep, false)
	}
	if used != nil {
		for name := range used {
			if i, ok := index[name]; ok {
				keep[i] = true
			}
		}
	}
	kept, anyCopy, anyPass := 0, false, false
	for i, e := range merged { // compact in place
		if keep[i] {
			merged[kept], copyAt[kept], passAt[kept] = e, copyAt[i], passAt[i]
			anyCopy = anyCopy || copyAt[i]
			anyPass = anyPass || passAt[i].on()
			kept++
		}
	}
	o.deps, o.index, o.lent, o.copyAt, o.pass = slices.Clone(merged[:kept]), nil, false, nil, nil
	if anyCopy {
		o.copyAt = slices.Clone(copyAt[:kept])
	}
	if anyPass {
		o.pass = slices.Clone(passAt[:kept])
	}
	clear(merged)
	scratch.buf, scratch.copy, scratch.pass, scratch.keep = merged[:0], copyAt[:0], passAt[:0], keep[:0]
	o.Freeze()
	return snapshot
}

// Match is Python's fnmatch.fnmatch on a package name (case-sensitive on
// POSIX, as Conan runs there).
func Match(name, pattern string) bool {
	return globMatch(name, pattern)
}

func globMatch(name, pattern string) bool {
	// iterative glob with *, ?, [...] as fnmatch
	n, p := []rune(name), []rune(pattern)
	var ni, pi int
	starP, starN := -1, 0
	for ni < len(n) {
		if pi < len(p) {
			switch p[pi] {
			case '*':
				starP, starN = pi, ni
				pi++
				continue
			case '?':
				ni++
				pi++
				continue
			case '[':
				if end, ok := classEnd(p, pi); ok {
					if classMatch(p[pi+1:end], n[ni]) {
						ni++
						pi = end + 1
						continue
					}
				} else if n[ni] == '[' {
					ni++
					pi++
					continue
				}
			default:
				if p[pi] == n[ni] {
					ni++
					pi++
					continue
				}
			}
		}
		if starP >= 0 {
			starN++
			ni = starN
			pi = starP + 1
			continue
		}
		return false
	}
	for pi < len(p) && p[pi] == '*' {
		pi++
	}
	return pi == len(p)
}

func classEnd(p []rune, i int) (int, bool) {
	j := i + 1
	if j < len(p) && p[j] == '!' {
		j++
	}
	if j < len(p) && p[j] == ']' {
		j++
	}
	for j < len(p) && p[j] != ']' {
		j++
	}
	return j, j < len(p)
}

func classMatch(class []rune, c rune) bool {
	neg := false
	if len(class) > 0 && class[0] == '!' {
		neg, class = true, class[1:]
	}
	match := false
	for i := 0; i < len(class); i++ {
		if i+2 < len(class) && class[i+1] == '-' {
			if class[i] <= c && c <= class[i+2] {
				match = true
			}
			i += 2
			continue
		}
		if class[i] == c {
			match = true
		}
	}
	return match != neg
}
