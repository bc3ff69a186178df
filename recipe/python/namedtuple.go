package python

import "strings"

// collections.namedtuple: a class whose instances are tuples with named
// fields.

type namedTuple struct {
	cls    *Class
	fields []string
	vals   Tuple
}

func (t *namedTuple) TypeName() string { return t.cls.Name }
func (t *namedTuple) PyClass() *Class  { return t.cls }
func (t *namedTuple) Len() int         { return len(t.vals) }

func (t *namedTuple) GetAttr(in *Interp, name string) (Value, bool, error) {
	for i, f := range t.fields {
		if f == name {
			return t.vals[i], true, nil
		}
	}
	switch name {
	case "_fields":
		out := make(Tuple, len(t.fields))
		for i, f := range t.fields {
			out[i] = f
		}
		return out, true, nil
	case "_asdict":
		return fnb(name, func(in *Interp, args []Value, kw []Kw) (Value, error) {
			d := NewDict()
			for i, f := range t.fields {
				d.SetStr(f, t.vals[i])
			}
			return d, nil
		}), true, nil
	case "_replace":
		return fnb(name, func(in *Interp, args []Value, kw []Kw) (Value, error) {
			c := &namedTuple{cls: t.cls, fields: t.fields, vals: append(Tuple(nil), t.vals...)}
			for _, k := range kw {
				found := false
				for i, f := range t.fields {
					if f == k.Name {
						c.vals[i], found = k.Value, true
					}
				}
				if !found {
					return nil, Errorf(ValueErrorClass, "Got unexpected field names: ['%s']", k.Name)
				}
			}
			return c, nil
		}), true, nil
	}
	if m := tupleMethod(t.vals, name); m != nil {
		return m, true, nil
	}
	return nil, false, nil
}

func (t *namedTuple) GetItem(in *Interp, key Value) (Value, error) { return in.GetItem(t.vals, key) }
func (t *namedTuple) Iter(in *Interp) (Iterator, error)            { return in.Iter(t.vals) }
func (t *namedTuple) Contains(in *Interp, x Value) (bool, error)   { return in.Contains(t.vals, x) }

func (t *namedTuple) Eq(in *Interp, other Value) (bool, bool, error) {
	switch o := other.(type) {
	case *namedTuple:
		eq, err := in.Equal(t.vals, o.vals)
		return eq, true, err
	case Tuple:
		eq, err := in.Equal(t.vals, o)
		return eq, true, err
	}
	return false, false, nil
}

func (t *namedTuple) HashKey() (string, error) { return hashKey(t.vals) }

func (t *namedTuple) Repr() string {
	parts := make([]string, len(t.fields))
	for i, f := range t.fields {
		parts[i] = f + "=" + reprNoInterp(t.vals[i])
	}
	return t.cls.Name + "(" + strings.Join(parts, ", ") + ")"
}

func newNamedTupleClass(in *Interp, args []Value, kw []Kw) (Value, error) {
	a, err := in.Args("namedtuple", args, kw, "typename", "field_names", "rename?", "defaults?", "module?")
	if err != nil {
		return nil, err
	}
	name, _ := strOf(a[0])
	var fields []string
	if s, ok := strOf(a[1]); ok {
		fields = strings.Fields(strings.ReplaceAll(s, ",", " "))
	} else {
		items, err := in.ToList(a[1])
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			s, _ := strOf(it)
			fields = append(fields, s)
		}
	}
	var defaults []Value
	if a[3] != nil && a[3] != None {
		if defaults, err = in.ToList(a[3]); err != nil {
			return nil, err
		}
	}
	var cls *Class
	cls = NewHostClass(name, "collections", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		vals := make(Tuple, len(fields))
		set := make([]bool, len(fields))
		if len(args) > len(fields) {
			return nil, in.TypeError("%s() takes %d positional arguments but %d were given", name, len(fields)+1, len(args)+1)
		}
		for i, v := range args {
			vals[i], set[i] = v, true
		}
		for _, k := range kw {
			found := false
			for i, f := range fields {
				if f == k.Name {
					vals[i], set[i], found = k.Value, true, true
				}
			}
			if !found {
				return nil, in.TypeError("%s() got an unexpected keyword argument '%s'", name, k.Name)
			}
		}
		first := len(fields) - len(defaults)
		for i := range fields {
			if !set[i] {
				if i >= first {
					vals[i] = defaults[i-first]
					continue
				}
				return nil, in.TypeError("%s() missing required argument: '%s'", name, fields[i])
			}
		}
		return &namedTuple{cls: cls, fields: fields, vals: vals}, nil
	})
	cls.Bases = []*Class{TupleType}
	cls.MRO = []*Class{cls, TupleType, ObjectClass}
	return cls, nil
}
