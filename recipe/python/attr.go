package python

import (
	"reflect"
)

func ptrID(v any) uintptr { return reflect.ValueOf(v).Pointer() }

// GetAttr is Python's getattr(obj, name), raising AttributeError.
func (in *Interp) GetAttr(obj Value, name string) (Value, error) {
	v, ok, err := in.GetAttrOpt(obj, name)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, attrError(obj, name)
	}
	return v, nil
}

// GetAttrOpt is getattr returning ok=false instead of AttributeError.
func (in *Interp) GetAttrOpt(obj Value, name string) (Value, bool, error) {
	switch o := obj.(type) {
	case *Instance:
		return in.instanceAttr(o, name)
	case *Class:
		if name == "__name__" {
			return o.Name, true, nil
		}
		if name == "__mro__" {
			t := make(Tuple, len(o.MRO))
			for i, c := range o.MRO {
				t[i] = c
			}
			return t, true, nil
		}
		if name == "__bases__" {
			t := make(Tuple, len(o.Bases))
			for i, c := range o.Bases {
				t[i] = c
			}
			return t, true, nil
		}
		if name == "__dict__" {
			d := NewDict()
			for _, k := range o.Dict.Keys() {
				v, _ := o.Dict.Get(k)
				d.SetStr(k, v)
			}
			return d, true, nil
		}
		v, _, ok := o.Lookup(name)
		if !ok {
			if o.builtinType {
				// str.lower and friends: unbound methods of built-in types
				return NewBuiltin(o.Name+"."+name, func(in *Interp, args []Value, kw []Kw) (Value, error) {
					if len(args) == 0 {
						return nil, in.TypeError("unbound method %s.%s() needs an argument", o.Name, name)
					}
					m, found, err := in.GetAttrOpt(args[0], name)
					if err != nil {
						return nil, err
					}
					if !found || !IsInstance(args[0], o) {
						return nil, in.TypeError("descriptor '%s' for '%s' objects doesn't apply to a '%s' object", name, o.Name, TypeName(args[0]))
					}
					return in.Call(m, args[1:], kw)
				}), builtinMethod(in, zeroOf(o), name) != nil, nil
			}
			return nil, false, nil
		}
		switch d := v.(type) {
		case *StaticMethod:
			return d.Fn, true, nil
		case *ClassMethod:
			return &BoundMethod{Self: o, Fn: d.Fn}, true, nil
		}
		return v, true, nil
	case *Module:
		if name == "__name__" {
			return o.Name, true, nil
		}
		if name == "__dict__" {
			d := NewDict()
			for _, k := range o.Dict.Keys() {
				v, _ := o.Dict.Get(k)
				d.SetStr(k, v)
			}
			return d, true, nil
		}
		v, ok := in.moduleAttr(o, name)
		return v, ok, nil
	case *Super:
		return in.superAttr(o, name)
	case *Function:
		switch name {
		case "__name__":
			return o.Name, true, nil
		case "__qualname__":
			return o.Qualname, true, nil
		case "__doc__":
			return None, true, nil
		}
		if o.Dict == nil {
			return nil, false, nil
		}
		v, ok := o.Dict.Get(name)
		return v, ok, nil
	case *BoundMethod:
		switch name {
		case "__self__":
			return o.Self, true, nil
		case "__func__":
			return o.Fn, true, nil
		case "__name__":
			return in.GetAttrOpt(o.Fn, name)
		}
		return in.GetAttrOpt(o.Fn, name)
	case *Builtin:
		if name == "__name__" {
			return o.Name, true, nil
		}
		return nil, false, nil
	case *Property:
		switch name {
		case "fget":
			return orNone(o.Get), true, nil
		case "setter":
			return NewBuiltin("setter", func(in *Interp, args []Value, kw []Kw) (Value, error) {
				return &Property{Get: o.Get, Set: args[0], Del: o.Del}, nil
			}), true, nil
		case "deleter":
			return NewBuiltin("deleter", func(in *Interp, args []Value, kw []Kw) (Value, error) {
				return &Property{Get: o.Get, Set: o.Set, Del: args[0]}, nil
			}), true, nil
		case "getter":
			return NewBuiltin("getter", func(in *Interp, args []Value, kw []Kw) (Value, error) {
				return &Property{Get: args[0], Set: o.Set, Del: o.Del}, nil
			}), true, nil
		}
		return nil, false, nil
	case AttrGetter:
		v, ok, err := o.GetAttr(in, name)
		if err != nil || ok {
			return v, ok, err
		}
		if name == "__class__" {
			return ClassOf(obj), true, nil
		}
		if so, isStr := obj.(StrObject); isStr {
			if m := builtinMethod(in, so.PyStr(), name); m != nil {
				return m, true, nil
			}
		}
		return nil, false, nil
	case StrObject:
		if m := builtinMethod(in, o.PyStr(), name); m != nil {
			return m, true, nil
		}
		return nil, false, nil
	}
	if m := builtinMethod(in, obj, name); m != nil {
		return m, true, nil
	}
	return nil, false, nil
}

func orNone(v Value) Value {
	if v == nil {
		return None
	}
	return v
}

func (in *Interp) instanceAttr(o *Instance, name string) (Value, bool, error) {
	if name == "__class__" {
		return o.Class, true, nil
	}
	if name == "__dict__" {
		d := NewDict()
		for _, k := range o.Dict.Keys() {
			v, _ := o.Dict.Get(k)
			d.SetStr(k, v)
		}
		return d, true, nil
	}
	cv, _, inClass := o.Class.Lookup(name)
	// data descriptors (properties) win over the instance dict
	if p, ok := cv.(*Property); ok && inClass {
		if p.Get == nil {
			return nil, false, Errorf(AttributeErrorClass, "unreadable attribute")
		}
		v, err := in.Call(p.Get, []Value{o}, nil)
		if err != nil {
			if e, isExc := err.(*Exception); isExc && e.IsInstance(AttributeErrorClass) {
				if ga, _, ok := o.Class.Lookup("__getattr__"); ok {
					v, err := in.Call(ga, []Value{o, name}, nil)
					return v, err == nil, err
				}
			}
			return nil, false, err
		}
		return v, true, nil
	}
	if v, ok := o.Dict.Get(name); ok {
		return v, true, nil
	}
	if inClass {
		switch d := cv.(type) {
		case *Function, *Builtin:
			return &BoundMethod{Self: o, Fn: d}, true, nil
		case *StaticMethod:
			return d.Fn, true, nil
		case *ClassMethod:
			return &BoundMethod{Self: o.Class, Fn: d.Fn}, true, nil
		case hostDescriptor:
			return d.get(in, o)
		}
		return cv, true, nil
	}
	if ga, _, ok := o.Class.Lookup("__getattr__"); ok {
		v, err := in.Call(ga, []Value{o, name}, nil)
		if err != nil {
			if e, isExc := err.(*Exception); isExc && e.IsInstance(AttributeErrorClass) {
				return nil, false, nil
			}
			return nil, false, err
		}
		return v, true, nil
	}
	return nil, false, nil
}

// hostDescriptor lets host classes compute instance attributes.
type hostDescriptor interface {
	get(in *Interp, self *Instance) (Value, bool, error)
}

// HostProperty is a computed attribute of a host class: Get receives the
// instance.
type HostProperty struct {
	Get func(in *Interp, self *Instance) (Value, error)
	Set func(in *Interp, self *Instance, v Value) error
}

func (p *HostProperty) get(in *Interp, self *Instance) (Value, bool, error) {
	v, err := p.Get(in, self)
	if err != nil {
		return nil, false, err
	}
	return v, true, nil
}

func (in *Interp) superAttr(s *Super, name string) (Value, bool, error) {
	var cls *Class
	switch x := s.Self.(type) {
	case *Instance:
		cls = x.Class
	case *Class:
		cls = x
	default:
		return nil, false, in.TypeError("super() argument 2 must be an instance or type")
	}
	mro := cls.MRO
	i := 0
	for i < len(mro) && mro[i] != s.Class {
		i++
	}
	for _, c := range mro[i+1:] {
		v, ok := c.Dict.Get(name)
		if !ok {
			continue
		}
		switch d := v.(type) {
		case *Function, *Builtin:
			if _, isClass := s.Self.(*Class); isClass {
				return d, true, nil
			}
			return &BoundMethod{Self: s.Self, Fn: d}, true, nil
		case *StaticMethod:
			return d.Fn, true, nil
		case *ClassMethod:
			return &BoundMethod{Self: cls, Fn: d.Fn}, true, nil
		case *Property:
			if inst, ok := s.Self.(*Instance); ok && d.Get != nil {
				r, err := in.Call(d.Get, []Value{inst}, nil)
				return r, err == nil, err
			}
		case hostDescriptor:
			if inst, ok := s.Self.(*Instance); ok {
				return d.get(in, inst)
			}
		}
		return v, true, nil
	}
	return nil, false, nil
}

// SetAttr is Python's setattr.
func (in *Interp) SetAttr(obj Value, name string, v Value) error {
	switch o := obj.(type) {
	case *Instance:
		if cv, _, ok := o.Class.Lookup(name); ok {
			switch p := cv.(type) {
			case *Property:
				if p.Set == nil {
					return Errorf(AttributeErrorClass, "can't set attribute '%s'", name)
				}
				_, err := in.Call(p.Set, []Value{o, v}, nil)
				return err
			case *HostProperty:
				if p.Set == nil {
					return Errorf(AttributeErrorClass, "can't set attribute '%s'", name)
				}
				return p.Set(in, o, v)
			}
		}
		if sa, owner, ok := o.Class.Lookup("__setattr__"); ok && owner != ObjectClass {
			_, err := in.Call(sa, []Value{o, name, v}, nil)
			return err
		}
		o.Dict.Set(name, v)
		return nil
	case *Class:
		o.Dict.Set(name, v)
		return nil
	case *Module:
		o.Dict.Set(name, v)
		return nil
	case *Function:
		if o.Dict == nil {
			o.Dict = NewNamespace()
		}
		o.Dict.Set(name, v)
		return nil
	case AttrSetter:
		return o.SetAttr(in, name, v)
	}
	return Errorf(AttributeErrorClass, "'%s' object has no attribute '%s'", TypeName(obj), name)
}

// DelAttr is Python's delattr.
func (in *Interp) DelAttr(obj Value, name string) error {
	switch o := obj.(type) {
	case *Instance:
		if cv, _, ok := o.Class.Lookup(name); ok {
			if p, isProp := cv.(*Property); isProp {
				if p.Del == nil {
					return Errorf(AttributeErrorClass, "can't delete attribute '%s'", name)
				}
				_, err := in.Call(p.Del, []Value{o}, nil)
				return err
			}
		}
		if da, owner, ok := o.Class.Lookup("__delattr__"); ok && owner != ObjectClass {
			_, err := in.Call(da, []Value{o, name}, nil)
			return err
		}
		if !o.Dict.Delete(name) {
			return attrError(obj, name)
		}
		return nil
	case *Class:
		if !o.Dict.Delete(name) {
			return attrError(obj, name)
		}
		return nil
	case *Module:
		if !o.Dict.Delete(name) {
			return attrError(obj, name)
		}
		return nil
	case AttrDeleter:
		return o.DelAttr(in, name)
	}
	return attrError(obj, name)
}

// HasAttr is Python's hasattr: true unless getattr raises AttributeError.
func (in *Interp) HasAttr(obj Value, name string) (bool, error) {
	_, ok, err := in.GetAttrOpt(obj, name)
	if err != nil {
		if e, isExc := err.(*Exception); isExc && e.IsInstance(AttributeErrorClass) {
			return false, nil
		}
		return false, err
	}
	return ok, nil
}

// moduleAttr finds a module attribute, a submodule, or an opaque name in
// a module of build-only helpers.
func (in *Interp) moduleAttr(m *Module, name string) (Value, bool) {
	if v, ok := m.Dict.Get(name); ok {
		return v, true
	}
	if sub, ok, err := in.importKnown(m.Name + "." + name); ok && err == nil {
		return sub, true
	}
	if _, ok := m.Dict.Get("__opaque__"); ok {
		return &Opaque{Name: m.Name + "." + name}, true
	}
	return nil, false
}

// zeroOf returns a value of a built-in type, to ask which methods it has.
func zeroOf(c *Class) Value {
	switch c.Name {
	case "str":
		return ""
	case "list":
		return NewList()
	case "dict":
		return NewDict()
	case "set":
		return NewSet()
	case "tuple":
		return Tuple{}
	case "int", "bool":
		return int64(0)
	case "float":
		return 0.0
	}
	return nil
}
