package python

import (
	"math"
	"strconv"
	"strings"
)

// hashKey encodes a hashable value so that values Python considers equal
// (1, 1.0 and True; equal tuples) share a key.
func hashKey(v Value) (string, error) {
	switch x := v.(type) {
	case NoneType:
		return "n", nil
	case bool:
		if x {
			return "i1", nil
		}
		return "i0", nil
	case int64:
		return "i" + strconv.FormatInt(x, 10), nil
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1e18 {
			return "i" + strconv.FormatInt(int64(x), 10), nil
		}
		return "f" + strconv.FormatFloat(x, 'g', -1, 64), nil
	case string:
		return "s" + x, nil
	case Tuple:
		var b strings.Builder
		b.WriteString("t(")
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
			keys := append([]string(nil), x.d.keys...)
			// order-independent
			sortStrings(keys)
			return "F(" + strings.Join(keys, "\x00") + ")", nil
		}
	case *Class, *Function, *Builtin, *Module, *Instance, *BoundMethod:
		return "p" + strconv.FormatUint(uint64(ptrID(x)), 16), nil
	case Hasher:
		k, err := x.HashKey()
		if err != nil {
			return "", err
		}
		return k, nil
	case StrObject:
		return "s" + x.PyStr(), nil
	case EllipsisType:
		return "E", nil
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

type orderedMap struct {
	keys  []string
	kvals []Value
	vals  []Value
	live  []bool
	index map[string]int
	n     int
}

func (m *orderedMap) get(k string) (int, bool) {
	i, ok := m.index[k]
	return i, ok
}

func (m *orderedMap) set(k string, key, val Value) {
	if m.index == nil {
		m.index = map[string]int{}
	}
	if i, ok := m.index[k]; ok {
		m.vals[i] = val
		return
	}
	m.index[k] = len(m.keys)
	m.keys = append(m.keys, k)
	m.kvals = append(m.kvals, key)
	m.vals = append(m.vals, val)
	m.live = append(m.live, true)
	m.n++
}

func (m *orderedMap) del(k string) bool {
	i, ok := m.index[k]
	if !ok {
		return false
	}
	delete(m.index, k)
	m.live[i] = false
	m.vals[i], m.kvals[i] = nil, nil
	m.n--
	if m.n < len(m.keys)/2 && len(m.keys) > 16 {
		m.compact()
	}
	return true
}

func (m *orderedMap) compact() {
	var keys []string
	var kvals, vals []Value
	var live []bool
	idx := make(map[string]int, m.n)
	for i, k := range m.keys {
		if !m.live[i] {
			continue
		}
		idx[k] = len(keys)
		keys = append(keys, k)
		kvals = append(kvals, m.kvals[i])
		vals = append(vals, m.vals[i])
		live = append(live, true)
	}
	m.keys, m.kvals, m.vals, m.live, m.index = keys, kvals, vals, live, idx
}

func (m *orderedMap) copy() orderedMap {
	c := orderedMap{index: make(map[string]int, m.n)}
	for i, k := range m.keys {
		if m.live[i] {
			c.set(k, m.kvals[i], m.vals[i])
		}
	}
	return c
}

// NewDict returns an empty dict.
func NewDict() *Dict { return &Dict{} }

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
	return d.d.vals[i], true, nil
}

// GetStr looks up a string key.
func (d *Dict) GetStr(key string) (Value, bool) {
	i, ok := d.d.get("s" + key)
	if !ok {
		return nil, false
	}
	return d.d.vals[i], true
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
func (d *Dict) SetStr(key string, val Value) { d.d.set("s"+key, key, val) }

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
	for i := range d.d.keys {
		if d.d.live[i] {
			keys = append(keys, d.d.kvals[i])
			vals = append(vals, d.d.vals[i])
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
	var out []Value
	for i := range s.d.keys {
		if s.d.live[i] {
			out = append(out, s.d.kvals[i])
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
	for it.i < len(it.m.keys) {
		i := it.i
		it.i++
		if !it.m.live[i] {
			continue
		}
		switch it.mode {
		case 0:
			return it.m.kvals[i], true, nil
		case 1:
			return it.m.vals[i], true, nil
		default:
			return Tuple{it.m.kvals[i], it.m.vals[i]}, true, nil
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
