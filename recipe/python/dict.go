package python

import (
	"math"
	"strconv"
	"strings"
)

// KeyMark starts the dict key of every value that is not a str (see
// hashKey), then a letter for its kind: the byte 0xff, which no UTF-8
// text starts with. Host Hashers of other kinds use it too.
const KeyMark = "\xff"

// hashKey encodes a hashable value so that values Python considers equal
// (1, 1.0 and True; equal tuples) share a key. A string is its own key
// (StrKey), so that looking one up makes nothing; every other key starts
// with KeyMark.
func hashKey(v Value) (string, error) {
	switch x := v.(type) {
	case NoneType:
		return KeyMark + "n", nil
	case bool:
		if x {
			return KeyMark + "i1", nil
		}
		return KeyMark + "i0", nil
	case int64:
		return KeyMark + "i" + strconv.FormatInt(x, 10), nil
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1e18 {
			return KeyMark + "i" + strconv.FormatInt(int64(x), 10), nil
		}
		return KeyMark + "f" + strconv.FormatFloat(x, 'g', -1, 64), nil
	case string:
		return StrKey(x), nil
	case Tuple:
		var b strings.Builder
		b.WriteString(KeyMark + "t(")
		for _, e := range x {
			k, err := hashKey(e)
			if err != nil {
				return "", err
			}
			b.WriteString(strconv.Itoa(len(k)))
			b.WriteByte(':')
			b.WriteString(k)
		}
		b.WriteByte(')')
		return b.String(), nil
	case *Set:
		if x.Frozen {
			keys := make([]string, 0, x.d.n)
			for _, e := range x.d.ents {
				if e.live {
					keys = append(keys, e.k)
				}
			}
			// order-independent
			sortStrings(keys)
			return KeyMark + "F(" + strings.Join(keys, "\x00") + ")", nil
		}
	case *Class, *Function, *Builtin, *Module, *Instance, *BoundMethod:
		return KeyMark + "p" + strconv.FormatUint(uint64(ptrID(x)), 16), nil
	case Hasher:
		k, err := x.HashKey()
		if err != nil {
			return "", err
		}
		return k, nil
	case StrObject:
		return StrKey(x.PyStr()), nil
	case EllipsisType:
		return KeyMark + "E", nil
	}
	return "", Errorf(TypeErrorClass, "unhashable type: '%s'", TypeName(v))
}

// Dict is an insertion-ordered Python dict.
type Dict struct {
	d orderedMap
	// Ordered marks a collections.OrderedDict: same storage, its own
	// type() and repr.
	Ordered bool
}

// orderedMap is the storage of dicts and sets: entries in insertion
// order (deleted ones marked dead until a compaction), found by a scan
// while there are few of them (most recipe dicts are small) and through
// an index once there are more.
type orderedMap struct {
	ents  []omEntry
	index map[string]int // nil while len(ents) <= omScanMax
	n     int            // live entries
}

type omEntry struct {
	k        string // hashKey of key
	key, val Value
	live     bool
}

const omScanMax = 8

func newOrderedMap(size int) orderedMap {
	m := orderedMap{ents: make([]omEntry, 0, size)}
	if size > omScanMax {
		m.index = make(map[string]int, size)
	}
	return m
}

func (m *orderedMap) get(k string) (int, bool) {
	if m.index != nil {
		i, ok := m.index[k]
		return i, ok
	}
	for i := range m.ents {
		if e := &m.ents[i]; e.live && e.k == k {
			return i, true
		}
	}
	return -1, false
}

func (m *orderedMap) set(k string, key, val Value) {
	if i, ok := m.get(k); ok {
		m.ents[i].val = val
		return
	}
	m.ents = append(m.ents, omEntry{k, key, val, true})
	m.n++
	switch {
	case m.index != nil:
		m.index[k] = len(m.ents) - 1
	case len(m.ents) > omScanMax:
		m.buildIndex()
	}
}

func (m *orderedMap) buildIndex() {
	m.index = make(map[string]int, 2*len(m.ents))
	for i, e := range m.ents {
		if e.live {
			m.index[e.k] = i
		}
	}
}

func (m *orderedMap) del(k string) bool {
	i, ok := m.get(k)
	if !ok {
		return false
	}
	if m.index != nil {
		delete(m.index, k)
	}
	m.ents[i] = omEntry{k: k}
	m.n--
	if m.n < len(m.ents)/2 && len(m.ents) > 16 {
		m.compact()
	}
	return true
}

func (m *orderedMap) compact() {
	ents := make([]omEntry, 0, m.n)
	for _, e := range m.ents {
		if e.live {
			ents = append(ents, e)
		}
	}
	m.ents, m.index = ents, nil
	if len(ents) > omScanMax {
		m.buildIndex()
	}
}

func (m *orderedMap) copy() orderedMap {
	c := orderedMap{ents: make([]omEntry, 0, m.n), n: m.n}
	for _, e := range m.ents {
		if e.live {
			c.ents = append(c.ents, e)
		}
	}
	if len(c.ents) > omScanMax {
		c.buildIndex()
	}
	return c
}

// NewDict returns an empty dict.
func NewDict() *Dict { return &Dict{} }

// NewDictSize returns an empty dict with room for size entries.
func NewDictSize(size int) *Dict { return &Dict{d: newOrderedMap(size)} }

// Len is the number of entries.
func (d *Dict) Len() int { return d.d.n }

// Get looks a key up.
func (d *Dict) Get(key Value) (Value, bool, error) {
	k, err := hashKey(key)
	if err != nil {
		return nil, false, err
	}
	i, ok := d.d.get(k)
	if !ok {
		return nil, false, nil
	}
	return d.d.ents[i].val, true, nil
}

// StrKey is the dict key of a string (see hashKey): the string itself,
// unless it starts with the byte 0xff (not UTF-8; raw bytes a recipe
// read), which is then marked as a string.
func StrKey(s string) string {
	if len(s) > 0 && s[0] == KeyMark[0] {
		return KeyMark + "s" + s
	}
	return s
}

// GetStr looks up a string key.
func (d *Dict) GetStr(key string) (Value, bool) {
	i, ok := d.d.get(StrKey(key))
	if !ok {
		return nil, false
	}
	return d.d.ents[i].val, true
}

// Set stores a value.
func (d *Dict) Set(key, val Value) error {
	k, err := hashKey(key)
	if err != nil {
		return err
	}
	d.d.set(k, key, val)
	return nil
}

// SetStr stores a value under a string key.
func (d *Dict) SetStr(key string, val Value) { d.d.set(StrKey(key), key, val) }

// Delete removes a key and reports whether it was present.
func (d *Dict) Delete(key Value) (bool, error) {
	k, err := hashKey(key)
	if err != nil {
		return false, err
	}
	return d.d.del(k), nil
}

// Items returns the entries in order.
func (d *Dict) Items() (keys, vals []Value) {
	if d.d.n == 0 {
		return nil, nil
	}
	keys, vals = make([]Value, 0, d.d.n), make([]Value, 0, d.d.n)
	for _, e := range d.d.ents {
		if e.live {
			keys = append(keys, e.key)
			vals = append(vals, e.val)
		}
	}
	return keys, vals
}

// Keys returns the keys in order.
func (d *Dict) Keys() []Value { k, _ := d.Items(); return k }

// Copy returns a shallow copy.
func (d *Dict) Copy() *Dict { return &Dict{d: d.d.copy(), Ordered: d.Ordered} }

// Set is a Python set or frozenset.
type Set struct {
	d      orderedMap
	Frozen bool
}

// NewSet returns an empty set.
func NewSet() *Set { return &Set{} }

// Add inserts a value.
func (s *Set) Add(v Value) error {
	k, err := hashKey(v)
	if err != nil {
		return err
	}
	s.d.set(k, v, nil)
	return nil
}

// Has reports membership.
func (s *Set) Has(v Value) (bool, error) {
	k, err := hashKey(v)
	if err != nil {
		return false, err
	}
	_, ok := s.d.get(k)
	return ok, nil
}

// Remove deletes a value and reports whether it was present.
func (s *Set) Remove(v Value) (bool, error) {
	k, err := hashKey(v)
	if err != nil {
		return false, err
	}
	return s.d.del(k), nil
}

// Len is the number of members.
func (s *Set) Len() int { return s.d.n }

// Members returns the members in insertion order.
func (s *Set) Members() []Value {
	if s.d.n == 0 {
		return nil
	}
	out := make([]Value, 0, s.d.n)
	for _, e := range s.d.ents {
		if e.live {
			out = append(out, e.key)
		}
	}
	return out
}

// Copy returns a shallow copy.
func (s *Set) Copy() *Set { return &Set{d: s.d.copy(), Frozen: s.Frozen} }

// dictIter iterates a dict's keys, values or items, failing like Python
// if the dict changes size meanwhile.
type dictIter struct {
	m    *orderedMap
	i    int
	n    int
	mode int // 0 keys, 1 values, 2 items
}

func (it *dictIter) Next(in *Interp) (Value, bool, error) {
	if it.m.n != it.n {
		return nil, false, Errorf(RuntimeErrorClass, "dictionary changed size during iteration")
	}
	for it.i < len(it.m.ents) {
		e := &it.m.ents[it.i]
		it.i++
		if !e.live {
			continue
		}
		switch it.mode {
		case 0:
			return e.key, true, nil
		case 1:
			return e.val, true, nil
		default:
			return Tuple{e.key, e.val}, true, nil
		}
	}
	return nil, false, nil
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}
