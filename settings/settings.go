// Package settings models Conan 1 settings: a definition read from
// settings.yml (which values each setting may take, and which sub-settings
// each value opens), and a mutable tree of values checked against it.
//
// The behaviour mirrors Conan 1.65 exactly, error texts included, because
// recipes observe it: comparing a setting with a value it can never take
// is an error, deleting a sub-setting affects only the current parent
// value, a recipe's `settings` attribute constrains the tree, and so on.
//
// Definitions are immutable and shared; a Settings tree materialises the
// sub-settings of a value only when they are touched, so copying the tree
// for each of 100,000 recipes stays cheap.
package settings

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Error is an invalid setting value or name, worded as Conan words it.
type Error struct {
	Msg string
	// Setting and Value name the offending assignment when known
	// ("compiler.version", "99"), so callers can say where it came from.
	Setting, Value string
}

func (e *Error) Error() string { return e.Msg }

func errorf(format string, args ...any) error { return &Error{Msg: fmt.Sprintf(format, args...)} }

// ---- definitions ----

// itemDef defines the values of one setting: ANY, a list, or a dict of
// value -> sub-settings.
type itemDef struct {
	any    bool
	list   []string     // allowed values when not a dict (may contain "ANY")
	keys   []string     // dict keys in file order (nil when not a dict)
	subs   []*fieldsDef // sub-settings per key, aligned with keys
	isDict bool
}

// fieldsDef is an ordered set of settings.
type fieldsDef struct {
	names []string
	items []*itemDef
}

// Definition is a parsed settings.yml. It is immutable.
type Definition struct {
	root *fieldsDef
}

// New returns a fresh tree of settings with no value set.
func (d *Definition) New() *Settings {
	return newSettings(d.root, "settings", "", false)
}

// ---- trees of values ----

// Settings is a set of named settings (Conan's Settings): the top level,
// or the sub-settings of one value of a parent setting.
type Settings struct {
	name        string // "settings", "settings.compiler"...
	parentValue string
	parentNone  bool // parent value is None (no value)
	data        fieldList
}

// fieldList is one level's settings, sorted by name. A level has a
// dozen at most, and every node copies and lists its settings: a slice
// is found in as quickly as a map, and listed in order without sorting.
type fieldList []fieldEntry

type fieldEntry struct {
	name string
	item *Item
}

func (l fieldList) find(name string) int {
	for i := range l {
		if l[i].name == name {
			return i
		}
	}
	return -1
}

func (l fieldList) get(name string) (*Item, bool) {
	if i := l.find(name); i >= 0 {
		return l[i].item, true
	}
	return nil, false
}

// put adds or replaces a setting, keeping the order.
func (l *fieldList) put(name string, it *Item) {
	if i := l.find(name); i >= 0 {
		(*l)[i].item = it
		return
	}
	i := len(*l)
	for i > 0 && (*l)[i-1].name > name {
		i--
	}
	*l = slices.Insert(*l, i, fieldEntry{name, it})
}

func (l *fieldList) del(name string) {
	if i := l.find(name); i >= 0 {
		*l = slices.Delete(*l, i, i+1)
	}
}

// Item is one setting with its value and, for dict definitions, the
// sub-settings of each possible value (Conan's SettingsItem).
type Item struct {
	name     string // "settings.compiler"
	value    string
	hasValue bool
	// final definitions:
	any     bool
	list    []string
	ownList bool // list is a private copy, safe to modify
	// dict definitions:
	isDict  bool
	keys    []string // remaining keys (values_range before sorting)
	ownKeys bool
	defs    map[string]*fieldsDef // definitions of each key's sub-settings
	subs    []subEntry            // materialised sub-settings (mostly of one key)
	// subsShared says that subs's settings are another item's too (a
	// copy of settings that are only read, see CopyConstrained): copied
	// before one is handed out to be changed (sub).
	subsShared bool
}

type subEntry struct {
	key string
	s   *Settings
}

// materialised returns the sub-settings of key if they are.
func (it *Item) materialised(key string) (*Settings, bool) {
	for _, e := range it.subs {
		if e.key == key {
			return e.s, true
		}
	}
	return nil, false
}

func newSettings(def *fieldsDef, name, parentValue string, parentNone bool) *Settings {
	s := &Settings{name: name, parentValue: parentValue, parentNone: parentNone}
	if def == nil {
		return s
	}
	s.data = make(fieldList, 0, len(def.names))
	for i, n := range def.names {
		s.data.put(n, newItem(def.items[i], name+"."+n))
	}
	return s
}

func newItem(def *itemDef, name string) *Item {
	it := &Item{name: name}
	switch {
	case def.isDict:
		it.isDict = true
		it.keys = def.keys
		it.defs = make(map[string]*fieldsDef, len(def.keys))
		for i, k := range def.keys {
			it.defs[k] = def.subs[i]
		}
	case def.any:
		it.any = true
	default:
		it.list = def.list
	}
	return it
}

// sub returns the materialised sub-settings of key (which must exist).
func (it *Item) sub(key string) *Settings {
	if it.subsShared {
		it.subs, it.subsShared = copySubs(it.subs), false
	}
	if s, ok := it.materialised(key); ok {
		return s
	}
	s := newSettings(it.defs[key], it.name, key, false)
	it.subs = append(it.subs, subEntry{key, s})
	return s
}

// peek returns the sub-settings of key for reading: the materialised
// ones, or a fresh tree not stored, so that reading (copying, listing,
// validating) a tree that several goroutines share never writes to it.
func (it *Item) peek(key string) *Settings {
	if s, ok := it.materialised(key); ok {
		return s
	}
	return newSettings(it.defs[key], it.name, key, false)
}

func (it *Item) hasKey(k string) bool {
	if !it.isDict {
		return false
	}
	_, ok := it.defs[k]
	return ok && contains(it.keys, k)
}

// Name is the full dotted name, such as "settings.compiler.version".
func (it *Item) Name() string { return it.name }

// Value returns the value and whether one is set (false means None).
func (it *Item) Value() (string, bool) { return it.value, it.hasValue }

// String is Python's str(): the value or "None".
func (it *Item) String() string {
	if !it.hasValue {
		return "None"
	}
	return it.value
}

// IsFinal reports whether the setting has no sub-settings.
func (it *Item) IsFinal() bool { return !it.isDict }

// Truth is Python's bool(): a value that is not false-like.
func (it *Item) Truth() bool {
	if !it.hasValue || it.value == "" {
		return false
	}
	switch strings.ToLower(it.value) {
	case "false", "none", "0", "off":
		return false
	}
	return true
}

// Contains is Python's "x in setting": a substring test on the value.
func (it *Item) Contains(s string) bool { return strings.Contains(it.value, s) }

func (it *Item) notAny() bool {
	if it.isDict {
		return true
	}
	return !it.any && !contains(it.list, "ANY")
}

// ValuesRange is the list of possible values: sorted keys for a dict, the
// declared list otherwise, nil for ANY (IsAny).
func (it *Item) ValuesRange() []string {
	if it.isDict {
		r := append([]string(nil), it.keys...)
		sort.Strings(r)
		return r
	}
	return it.list
}

// IsAny reports whether the definition is the bare "ANY".
func (it *Item) IsAny() bool { return it.any }

func (it *Item) rangeRepr() string {
	if it.any {
		return "ANY"
	}
	return PyList(it.ValuesRange())
}

func (it *Item) inRange(v string) bool {
	if it.isDict {
		return it.hasKey(v)
	}
	return contains(it.list, v)
}

// BadValue is Conan's message for a value outside a setting's range.
func badValue(name, value, valuesRange string) error {
	tip := ""
	if strings.Contains(name, "settings") {
		tip = "\nRead \"http://docs.conan.io/en/latest/faq/troubleshooting.html#error-invalid-setting\""
	}
	e := errorf("Invalid setting '%s' is not a valid '%s' value.\nPossible values are %s%s", value, name, valuesRange, tip).(*Error)
	e.Setting, e.Value = strings.TrimPrefix(name, "settings."), value
	return e
}

func undefinedField(name, field string, fields []string, value string) error {
	v := ""
	if value != "" {
		v = fmt.Sprintf(" for '%s'", value)
	}
	f := "none"
	if len(fields) > 0 {
		f = PyList(fields)
	}
	e := errorf("'%s.%s' doesn't exist%s\n'%s' possible configurations are %s", name, field, v, name, f).(*Error)
	e.Setting = strings.TrimPrefix(strings.TrimPrefix(name+"."+field, "settings"), ".")
	return e
}

func undefinedValue(name string) error { return errorf("'%s' value not defined", name) }

// SetValue assigns a value, checking it against the definition.
func (it *Item) SetValue(v string) error {
	if it.notAny() && !it.inRange(v) {
		return badValue(it.name, v, it.rangeRepr())
	}
	it.value, it.hasValue = v, true
	return nil
}

// Eq is Python's "setting == other"; other nil means None. Comparing
// with a value the setting can never take is an error, as in Conan.
func (it *Item) Eq(other *string) (bool, error) {
	if other == nil {
		return !it.hasValue, nil
	}
	if it.notAny() && !it.inRange(*other) {
		return false, badValue(it.name, *other, it.rangeRepr())
	}
	return *other == it.String(), nil
}

// child returns the sub-settings of the current value.
func (it *Item) child(field string) (*Settings, error) {
	if !it.isDict {
		v := ""
		if it.hasValue {
			v = it.value
		}
		return nil, undefinedField(it.name, field, nil, v)
	}
	if !it.hasValue {
		return nil, undefinedValue(it.name)
	}
	if !it.hasKey(it.value) {
		// Python raises KeyError here.
		return nil, errorf("'%s'", it.value)
	}
	return it.sub(it.value), nil
}

// childToRead is child for reading only: sub-settings not materialised
// are fresh from their definition, not stored, and shared ones are not
// copied.
func (it *Item) childToRead(field string) (*Settings, error) {
	if it.isDict && it.hasValue && it.hasKey(it.value) {
		return it.peek(it.value), nil
	}
	return it.child(field) // its error
}

// Child returns the sub-settings of the current value, as Python's
// attribute access on a setting reaches them (compiler.get_safe(...)).
func (it *Item) Child() (*Settings, error) { return it.child("") }

// Field returns a sub-setting of the current value ("compiler.version").
func (it *Item) Field(field string) (*Item, error) {
	s, err := it.child(field)
	if err != nil {
		return nil, err
	}
	return s.Field(field)
}

// SetField assigns a sub-setting of the current value.
func (it *Item) SetField(field, value string) error {
	s, err := it.child(field)
	if err != nil {
		return err
	}
	return s.Set(field, value)
}

// DelField removes a sub-setting of the current value; like Conan, it
// never fails.
func (it *Item) DelField(field string) {
	if s, err := it.child(field); err == nil {
		s.Remove(field)
	}
}

// Sub returns the sub-settings defined for one possible value, as
// Python's setting[value].
func (it *Item) Sub(value string) (*Settings, error) {
	if !it.hasKey(value) {
		return nil, badValue(it.name, value, it.rangeRepr())
	}
	return it.sub(value), nil
}

// Remove drops possible values; the current value must stay valid.
func (it *Item) Remove(values ...string) error {
	for _, v := range values {
		switch {
		case it.isDict:
			if contains(it.keys, v) {
				it.keys = without(it.keys, v, &it.ownKeys)
			}
		case it.any:
			if v == "ANY" {
				it.any = false
				it.list = nil
				it.ownList = true
			}
		default:
			if contains(it.list, v) {
				it.list = without(it.list, v, &it.ownList)
			}
		}
	}
	if it.hasValue && !it.inRange(it.value) && it.notAny() {
		return badValue(it.name, it.value, it.rangeRepr())
	}
	return nil
}

func without(list []string, v string, own *bool) []string {
	out := make([]string, 0, len(list))
	removed := false
	for _, x := range list {
		if x == v && !removed { // list.remove drops the first match only
			removed = true
			continue
		}
		out = append(out, x)
	}
	*own = true
	return out
}

func (it *Item) copy() *Item {
	c := new(Item)
	it.copyTo(c)
	return c
}

// copyTo makes *c a deep copy of it (lists and keys shared until either
// changes them; sub-settings that it shares, shared on).
func (it *Item) copyTo(c *Item) {
	*c = *it
	c.ownList, c.ownKeys = false, false
	switch {
	case it.subsShared:
		c.subs = it.subs[:len(it.subs):len(it.subs)]
	case it.subs != nil:
		c.subs = copySubs(it.subs)
	}
}

// copySubs deep-copies materialised sub-settings.
func copySubs(subs []subEntry) []subEntry {
	c := make([]subEntry, len(subs))
	for i, e := range subs {
		c[i] = subEntry{e.key, e.s.Copy()}
	}
	return c
}

// copyOfRead is copyTo for an item that is only read from now on: the
// copy shares its sub-settings until it hands one out to be changed.
func (it *Item) copyOfRead(c *Item) {
	*c = *it
	c.ownList, c.ownKeys = false, false
	if len(it.subs) > 0 {
		c.subs, c.subsShared = it.subs[:len(it.subs):len(it.subs)], true
	}
}

// copyValues is Conan's copy_values: nil when the item has no value and
// cannot be None.
func (it *Item) copyValues() *Item {
	if !it.hasValue && !(it.isDict && it.hasKey("None")) && !(!it.isDict && contains(it.list, "None")) {
		return nil
	}
	c := it.copy()
	if c.isDict {
		// Conan keeps only valued sub-settings, for every key.
		subs := make([]subEntry, len(c.keys))
		for i, k := range c.keys {
			subs[i] = subEntry{k, it.peek(k).CopyValues()}
		}
		c.subs, c.subsShared = subs, false
	}
	return c
}

func (it *Item) valuesList(out []NameValue) []NameValue {
	if !it.hasValue {
		return out
	}
	partial := it.name
	if i := strings.IndexByte(partial, '.'); i >= 0 {
		partial = partial[i+1:]
	}
	out = append(out, NameValue{partial, it.value})
	if it.isDict && it.hasKey(it.value) {
		// Sub-settings not materialised are fresh from their
		// definition: none has a value.
		if sub, ok := it.materialised(it.value); ok {
			out = sub.valuesList(out)
		}
	}
	return out
}

func (it *Item) validate() error {
	if !it.hasValue {
		if it.isDict {
			if !contains(it.keys, "None") {
				return undefinedValue(it.name)
			}
		} else if it.any || !contains(it.list, "None") {
			return undefinedValue(it.name)
		}
	}
	if it.isDict {
		key := "None"
		if it.hasValue {
			key = it.value
		}
		if !it.hasKey(key) {
			return errorf("'%s'", key) // Python KeyError
		}
		return it.peek(key).validate()
	}
	return nil
}

// ---- Settings methods ----

// NameValue is one "compiler.version=11" pair.
type NameValue struct{ Name, Value string }

// Name is the dotted prefix of this set ("settings", "settings.compiler").
func (s *Settings) Name() string { return s.name }

// Fields returns the setting names, sorted.
func (s *Settings) Fields() []string {
	names := make([]string, len(s.data))
	for i, f := range s.data {
		names[i] = f.name
	}
	return names
}

// Has reports whether a field exists.
func (s *Settings) Has(field string) bool { return s.data.find(field) >= 0 }

func (s *Settings) checkField(field string) error {
	if s.data.find(field) < 0 {
		return undefinedField(s.name, field, s.Fields(), s.parentValue)
	}
	return nil
}

// Field returns a setting by name, or Conan's "doesn't exist" error.
func (s *Settings) Field(field string) (*Item, error) {
	if it, ok := s.data.get(field); ok {
		return it, nil
	}
	return nil, s.checkField(field)
}

// Set assigns a value to a field.
func (s *Settings) Set(field, value string) error {
	it, err := s.Field(field)
	if err != nil {
		return err
	}
	return it.SetValue(value)
}

// Del removes a field, which must exist (Python's del settings.x).
func (s *Settings) Del(field string) error {
	if err := s.checkField(field); err != nil {
		return err
	}
	s.data.del(field)
	return nil
}

// Remove drops fields if present.
func (s *Settings) Remove(fields ...string) {
	for _, f := range fields {
		s.data.del(f)
	}
}

// Clear removes every field.
func (s *Settings) Clear() { s.data = nil }

// Copy is a deep copy.
func (s *Settings) Copy() *Settings {
	c := &Settings{name: s.name, parentValue: s.parentValue, parentNone: s.parentNone, data: make(fieldList, len(s.data))}
	// The items in one allocation: every node copies its profile's
	// settings, a dozen items or more.
	items := make([]Item, len(s.data))
	for i, f := range s.data {
		f.item.copyTo(&items[i])
		c.data[i] = fieldEntry{f.name, &items[i]}
	}
	return c
}

// CopyValues is a deep copy keeping only settings with a value (or that
// may be None).
func (s *Settings) CopyValues() *Settings {
	c := &Settings{name: s.name, parentValue: s.parentValue, parentNone: s.parentNone}
	for _, f := range s.data { // in order
		if v := f.item.copyValues(); v != nil {
			c.data = append(c.data, fieldEntry{f.name, v})
		}
	}
	return c
}

// Validate checks that every setting has a value (or may be None).
func (s *Settings) Validate() error {
	for _, f := range s.data {
		if err := f.item.validate(); err != nil {
			return err
		}
	}
	return nil
}

func (s *Settings) validate() error { return s.Validate() }

// ValuesList returns every set value, depth first, fields sorted.
func (s *Settings) ValuesList() []NameValue { return s.valuesList(make([]NameValue, 0, 8)) }

func (s *Settings) valuesList(out []NameValue) []NameValue {
	for _, f := range s.data {
		out = f.item.valuesList(out)
	}
	return out
}

// Lookup walks a dotted path ("compiler.version") as Python attribute
// access does, returning Conan's errors.
func (s *Settings) Lookup(path string) (*Item, error) {
	parts := strings.Split(path, ".")
	it, err := s.Field(parts[0])
	if err != nil {
		return nil, err
	}
	for _, p := range parts[1:] {
		if it, err = it.Field(p); err != nil {
			return nil, err
		}
	}
	return it, nil
}

// UpdateValues assigns "compiler.version"-style pairs in order.
func (s *Settings) UpdateValues(vals []NameValue) error {
	for _, nv := range vals {
		parts := strings.Split(nv.Name, ".")
		if len(parts) == 1 {
			if err := s.Set(parts[0], nv.Value); err != nil {
				return err
			}
			continue
		}
		it, err := s.Lookup(strings.Join(parts[:len(parts)-1], "."))
		if err != nil {
			return err
		}
		if err := it.SetField(parts[len(parts)-1], nv.Value); err != nil {
			return err
		}
	}
	return nil
}

// GetSafe is Conan's get_safe: the value at a dotted path, or false when
// the path does not exist, has no value or is "None".
func (s *Settings) GetSafe(path string) (string, bool) {
	parts := strings.Split(path, ".")
	it, ok := s.data.get(parts[0])
	if !ok {
		return "", false
	}
	for _, p := range parts[1:] {
		c, err := it.childToRead(p)
		if err != nil {
			return "", false
		}
		if it, ok = c.data.get(p); !ok {
			return "", false
		}
	}
	if !it.hasValue || it.value == "" || it.value == "None" {
		return "", false
	}
	return it.value, true
}

// RmSafe is Conan's rm_safe: remove a dotted path, ignoring errors about
// missing settings.
func (s *Settings) RmSafe(path string) error {
	parts := strings.Split(path, ".")
	if len(parts) == 1 {
		s.data.del(path)
		return nil
	}
	it, err := s.Lookup(strings.Join(parts[:len(parts)-1], "."))
	if err != nil {
		return nil
	}
	it.DelField(parts[len(parts)-1])
	return nil
}

// ---- constraints (a recipe's settings attribute) ----

// Constraint restricts a Settings tree, as a recipe's `settings` attribute
// does: `"os", "arch"` keeps those fields; `{"os": ["Linux"]}` keeps only
// some values; `{"compiler": {"gcc": {"version": ["11"]}}}` recurses.
type Constraint struct {
	Fields []FieldConstraint
}

// FieldConstraint restricts one field. Keep (Python None) keeps it as is;
// otherwise Values lists the values kept, and for a dict Subs gives, per
// kept value, a nested constraint (nil keeps that value's sub-settings).
type FieldConstraint struct {
	Name   string
	Keep   bool
	Values []string
	Subs   map[string]*Constraint // only for dict forms; key present means listed
	IsDict bool
}

// Constrain applies a recipe's restriction. Errors are Conan's.
func (s *Settings) Constrain(c *Constraint) error { return s.constrain(c, s) }

// CopyConstrained is Copy then Constrain, without copying the fields
// Constrain would drop: every package starts from its profile's
// settings, a dozen fields, and mostly keeps four. s is only read.
func (s *Settings) CopyConstrained(c *Constraint) (*Settings, error) {
	cp := &Settings{name: s.name, parentValue: s.parentValue, parentNone: s.parentNone, data: make(fieldList, 0, len(c.Fields))}
	items := make([]Item, 0, len(c.Fields)) // never grown: &items[i] stay
	for _, f := range s.data {
		if c.names(f.name) {
			items = append(items, Item{})
			f.item.copyOfRead(&items[len(items)-1])
			cp.data = append(cp.data, fieldEntry{f.name, &items[len(items)-1]})
		}
	}
	return cp, cp.constrain(c, s)
}

// names reports whether the constraint names a field.
func (c *Constraint) names(field string) bool { return c.field(field) != nil }

// field is the constraint of a field, nil when it names none; the last
// of several, as a dict of them would keep. A recipe names a handful:
// a scan, not a map made for every package.
func (c *Constraint) field(name string) *FieldConstraint {
	for i := len(c.Fields) - 1; i >= 0; i-- {
		if c.Fields[i].Name == name {
			return &c.Fields[i]
		}
	}
	return nil
}

// constrain is Constrain on s, where full holds the fields s had
// before any was dropped (s itself, or what s was copied from): an
// unknown field is reported among those.
func (s *Settings) constrain(c *Constraint, full *Settings) error {
	var remove []string
	for _, f := range s.data {
		field, it := f.name, f.item
		fc := c.field(field)
		if fc == nil {
			remove = append(remove, field)
			continue
		}
		if fc.Keep {
			continue
		}
		var drop []string
		for _, v := range it.ValuesRange() {
			if !contains(fc.Values, v) {
				drop = append(drop, v)
				continue
			}
			if it.isDict && fc.IsDict {
				if sub := fc.Subs[v]; sub != nil {
					if err := it.sub(v).Constrain(sub); err != nil {
						return err
					}
				}
			}
		}
		for _, v := range fc.Values {
			if !it.inRange(v) {
				return badValue(field, v, it.rangeRepr())
			}
		}
		if err := it.Remove(drop...); err != nil {
			return err
		}
	}
	for _, f := range c.Fields {
		if full.data.find(f.Name) < 0 {
			return undefinedField(s.name, f.Name, full.Fields(), "")
		}
	}
	s.Remove(remove...)
	return nil
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// PyList renders a list of strings as Python's repr does: ['a', 'b'].
func PyList(items []string) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, s := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(PyRepr(s))
	}
	b.WriteByte(']')
	return b.String()
}

// PyRepr renders a string as Python's repr does.
func PyRepr(s string) string {
	q := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for _, r := range s {
		switch {
		case r == rune(q) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte(q)
	return b.String()
}
