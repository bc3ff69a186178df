package python

import (
	"math"
	"strconv"
	"strings"
	"unicode"
)

// ObjectClass is Python's object.
var ObjectClass = &Class{Name: "object", Dict: NewNamespace(), Module: "builtins", builtinType: true}

func init() {
	ObjectClass.MRO = []*Class{ObjectClass}
	ObjectClass.Dict.Set("__init__", NewBuiltin("__init__", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		return None, nil
	}))
	ObjectClass.Dict.Set("__new__", NewBuiltin("object", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		return &Instance{Class: ObjectClass, Dict: NewNamespace()}, nil
	}))
}

func builtinType(name string, ctor BuiltinFunc) *Class {
	c := &Class{Name: name, Dict: NewNamespace(), Module: "builtins", builtinType: true}
	c.Bases = []*Class{ObjectClass}
	c.MRO = []*Class{c, ObjectClass}
	c.Dict.Set("__new__", NewBuiltin(name, ctor))
	return c
}

// Classes of the built-in types. Their constructors are set in init()
// (they refer back to the interpreter).
var (
	StrType       = builtinType("str", nil)
	IntType       = builtinType("int", nil)
	FloatType     = builtinType("float", nil)
	BoolType      = builtinType("bool", nil)
	ListType      = builtinType("list", nil)
	TupleType     = builtinType("tuple", nil)
	DictType      = builtinType("dict", nil)
	SetType       = builtinType("set", nil)
	FrozenSetType = builtinType("frozenset", nil)
	TypeType      = builtinType("type", nil)
	NoneTypeClass = builtinType("NoneType", nil)
	RangeType     = builtinType("range", nil)
	FunctionType  = builtinType("function", nil)
	// OrderedDictType is collections.OrderedDict, a dict subclass.
	OrderedDictType = builtinType("OrderedDict", nil)
)

func init() {
	for c, fn := range map[*Class]BuiltinFunc{
		StrType: ctorStr, IntType: ctorInt, FloatType: ctorFloat, BoolType: ctorBool, ListType: ctorList,
		TupleType: ctorTuple, DictType: ctorDict, SetType: ctorSet(false), FrozenSetType: ctorSet(true),
		RangeType: ctorRange, NoneTypeClass: func(in *Interp, args []Value, kw []Kw) (Value, error) { return None, nil },
	} {
		c.Dict.Set("__new__", NewBuiltin(c.Name, fn))
	}
}

func init() {
	TypeType.Dict.Set("__new__", NewBuiltin("type", ctorType))
	BoolType.Bases = []*Class{IntType}
	BoolType.MRO = []*Class{BoolType, IntType, ObjectClass}
	OrderedDictType.Module = "collections"
	OrderedDictType.Bases = []*Class{DictType}
	OrderedDictType.MRO = []*Class{OrderedDictType, DictType, ObjectClass}
	OrderedDictType.Dict.Set("__new__", NewBuiltin("OrderedDict", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		v, err := ctorDict(in, args, kw)
		if err != nil {
			return nil, err
		}
		v.(*Dict).Ordered = true
		return v, nil
	}))
	DictType.Dict.Set("fromkeys", &ClassMethod{Fn: NewBuiltin("fromkeys", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		a, err := in.Args("fromkeys", args[1:], kw, "iterable", "value?")
		if err != nil {
			return nil, err
		}
		var v Value = None
		if a[1] != nil {
			v = a[1]
		}
		keys, err := in.ToList(a[0])
		if err != nil {
			return nil, err
		}
		d := NewDict()
		for _, k := range keys {
			if err := d.Set(k, v); err != nil {
				return nil, err
			}
		}
		return d, nil
	})})
	StrType.Dict.Set("join", NewBuiltin("join", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		if len(args) != 2 {
			return nil, in.TypeError("descriptor 'join' needs 2 arguments")
		}
		return in.CallMethod(args[0], "join", args[1:], kw)
	}))
}

// ClassOf returns the class of a value, as type(v).
func ClassOf(v Value) *Class {
	switch x := v.(type) {
	case NoneType:
		return NoneTypeClass
	case bool:
		return BoolType
	case int64:
		return IntType
	case float64:
		return FloatType
	case string:
		return StrType
	case *List:
		return ListType
	case Tuple:
		return TupleType
	case *Dict:
		if x.Ordered {
			return OrderedDictType
		}
		return DictType
	case *Set:
		if x.Frozen {
			return FrozenSetType
		}
		return SetType
	case *Class:
		return TypeType
	case *Instance:
		return x.Class
	case Range:
		return RangeType
	case *Function:
		return FunctionType
	case Classed:
		return x.PyClass()
	case StrObject:
		return StrType
	}
	return builtinType(TypeName(v), nil)
}

// Classed lets host objects name their class for type() and isinstance().
type Classed interface {
	PyClass() *Class
}

// IsInstance is Python's isinstance(v, c).
func IsInstance(v Value, c *Class) bool {
	return ClassOf(v).IsSubclass(c)
}

// CallMethod calls obj.name(*args, **kw).
func (in *Interp) CallMethod(obj Value, name string, args []Value, kw []Kw) (Value, error) {
	m, err := in.GetAttr(obj, name)
	if err != nil {
		return nil, err
	}
	return in.Call(m, args, kw)
}

func ctorStr(in *Interp, args []Value, kw []Kw) (Value, error) {
	if len(args) == 0 {
		return "", nil
	}
	return in.Str(args[0])
}

func ctorInt(in *Interp, args []Value, kw []Kw) (Value, error) {
	a, err := in.Args("int", args, kw, "x?", "base?")
	if err != nil {
		return nil, err
	}
	if a[0] == nil {
		return int64(0), nil
	}
	switch x := a[0].(type) {
	case bool:
		if x {
			return int64(1), nil
		}
		return int64(0), nil
	case int64:
		return x, nil
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, Errorf(ValueErrorClass, "cannot convert float %s to integer", pyFloat(x))
		}
		return int64(x), nil
	case string:
		base := int64(10)
		if a[1] != nil {
			base, _ = asInt(a[1])
		}
		s := strings.TrimSpace(strings.ReplaceAll(x, "_", ""))
		if base == 0 {
			s2 := strings.ToLower(strings.TrimLeft(s, "+-"))
			switch {
			case strings.HasPrefix(s2, "0x"):
				base = 16
			case strings.HasPrefix(s2, "0o"):
				base = 8
			case strings.HasPrefix(s2, "0b"):
				base = 2
			default:
				base = 10
			}
		}
		t := s
		neg := false
		if strings.HasPrefix(t, "-") || strings.HasPrefix(t, "+") {
			neg = t[0] == '-'
			t = t[1:]
		}
		lt := strings.ToLower(t)
		if (base == 16 && strings.HasPrefix(lt, "0x")) || (base == 8 && strings.HasPrefix(lt, "0o")) || (base == 2 && strings.HasPrefix(lt, "0b")) {
			t = t[2:]
		}
		n, err := strconv.ParseInt(t, int(base), 64)
		if err != nil || t == "" {
			return nil, Errorf(ValueErrorClass, "invalid literal for int() with base %d: %s", base, pyStrRepr(x))
		}
		if neg {
			n = -n
		}
		return n, nil
	case *Instance:
		if m, _, ok := x.Class.Lookup("__int__"); ok {
			return in.Call(m, []Value{x}, nil)
		}
	case intConverter:
		return x.Int(in)
	}
	return nil, in.TypeError("int() argument must be a string, a bytes-like object or a real number, not '%s'", TypeName(a[0]))
}

// intConverter lets host objects support int(obj).
type intConverter interface {
	Int(in *Interp) (Value, error)
}

func ctorFloat(in *Interp, args []Value, kw []Kw) (Value, error) {
	if len(args) == 0 {
		return 0.0, nil
	}
	switch x := args[0].(type) {
	case bool, int64, float64:
		f, _ := numeric(x)
		return f, nil
	case string:
		s := strings.TrimSpace(strings.ReplaceAll(x, "_", ""))
		switch strings.ToLower(s) {
		case "inf", "+inf", "infinity":
			return math.Inf(1), nil
		case "-inf", "-infinity":
			return math.Inf(-1), nil
		case "nan", "+nan", "-nan":
			return math.NaN(), nil
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return nil, Errorf(ValueErrorClass, "could not convert string to float: %s", pyStrRepr(x))
		}
		return f, nil
	}
	s, err := in.Str(args[0])
	if err != nil {
		return nil, err
	}
	return ctorFloat(in, []Value{s}, nil)
}

func ctorBool(in *Interp, args []Value, kw []Kw) (Value, error) {
	if len(args) == 0 {
		return false, nil
	}
	return in.Truth(args[0])
}

func ctorList(in *Interp, args []Value, kw []Kw) (Value, error) {
	if len(args) == 0 {
		return NewList(), nil
	}
	items, err := in.ToList(args[0])
	if err != nil {
		return nil, err
	}
	return NewList(items...), nil
}

func ctorTuple(in *Interp, args []Value, kw []Kw) (Value, error) {
	if len(args) == 0 {
		return Tuple{}, nil
	}
	items, err := in.ToList(args[0])
	if err != nil {
		return nil, err
	}
	return Tuple(items), nil
}

func ctorDict(in *Interp, args []Value, kw []Kw) (Value, error) {
	d := NewDict()
	if len(args) > 0 {
		if err := in.dictUpdate(d, args[0]); err != nil {
			return nil, err
		}
	}
	for _, k := range kw {
		d.SetStr(k.Name, k.Value)
	}
	return d, nil
}

func ctorSet(frozen bool) BuiltinFunc {
	return func(in *Interp, args []Value, kw []Kw) (Value, error) {
		s := &Set{Frozen: frozen}
		if len(args) > 0 {
			items, err := in.ToList(args[0])
			if err != nil {
				return nil, err
			}
			for _, x := range items {
				if err := s.Add(x); err != nil {
					return nil, err
				}
			}
		}
		return s, nil
	}
}

func ctorType(in *Interp, args []Value, kw []Kw) (Value, error) {
	if len(args) == 1 {
		return ClassOf(args[0]), nil
	}
	if len(args) == 3 {
		name, _ := args[0].(string)
		var bases []*Class
		for _, b := range mustTuple(args[1]) {
			c, ok := b.(*Class)
			if !ok {
				return nil, in.TypeError("type() bases must be classes")
			}
			bases = append(bases, c)
		}
		if len(bases) == 0 {
			bases = []*Class{ObjectClass}
		}
		ns := NewNamespace()
		if d, ok := args[2].(*Dict); ok {
			keys, vals := d.Items()
			for i, k := range keys {
				s, _ := k.(string)
				ns.Set(s, vals[i])
			}
		}
		c, err := NewClass(name, bases, ns)
		if err != nil {
			return nil, in.TypeError("%s", err)
		}
		return c, nil
	}
	return nil, in.TypeError("type() takes 1 or 3 arguments")
}

func mustTuple(v Value) Tuple {
	switch x := v.(type) {
	case Tuple:
		return x
	case *List:
		return Tuple(x.Items)
	}
	return nil
}

func ctorRange(in *Interp, args []Value, kw []Kw) (Value, error) {
	ints := make([]int64, len(args))
	for i, a := range args {
		n, ok := asInt(a)
		if !ok {
			return nil, in.TypeError("'%s' object cannot be interpreted as an integer", TypeName(a))
		}
		ints[i] = n
	}
	switch len(ints) {
	case 1:
		return Range{0, ints[0], 1}, nil
	case 2:
		return Range{ints[0], ints[1], 1}, nil
	case 3:
		if ints[2] == 0 {
			return nil, Errorf(ValueErrorClass, "range() arg 3 must not be zero")
		}
		return Range{ints[0], ints[1], ints[2]}, nil
	}
	return nil, in.TypeError("range expected at most 3 arguments, got %d", len(args))
}

var builtinSuper = &Builtin{Name: "super"}

func init() { builtinSuper.Fn = superFn }

func superFn(in *Interp, args []Value, kw []Kw) (Value, error) {
	if len(args) != 2 {
		return nil, Errorf(RuntimeErrorClass, "super(): no arguments")
	}
	c, ok := args[0].(*Class)
	if !ok {
		return nil, in.TypeError("super() argument 1 must be type")
	}
	return &Super{Class: c, Self: args[1]}, nil
}

func builtinNamespace() *Namespace {
	ns := NewNamespace()
	for _, c := range []*Class{ObjectClass, StrType, IntType, FloatType, BoolType, ListType, TupleType, DictType, SetType, FrozenSetType, TypeType, RangeType} {
		ns.Set(c.Name, c)
	}
	for _, c := range []*Class{BaseExceptionClass, ExceptionClass, ArithmeticErrorClass, ZeroDivisionErrorClass, OverflowErrorClass,
		AssertionErrorClass, AttributeErrorClass, LookupErrorClass, IndexErrorClass, KeyErrorClass, NameErrorClass,
		UnboundLocalErrorClass, TypeErrorClass, ValueErrorClass, UnicodeErrorClass, RuntimeErrorClass, NotImplementedErrorClass,
		RecursionErrorClass, StopIterationClass, ImportErrorClass, ModuleNotFoundErrorClass, OSErrorClass, FileNotFoundErrorClass,
		KeyboardInterruptClass, SystemExitClass, WarningClass, DeprecationWarningClass, UserWarningClass} {
		ns.Set(c.Name, c)
	}
	ns.Set("EnvironmentError", OSErrorClass)
	ns.Set("IOError", OSErrorClass)
	ns.Set("None", None)
	ns.Set("True", true)
	ns.Set("False", false)
	ns.Set("NotImplemented", NotImplemented)
	ns.Set("Ellipsis", Ellipsis)
	ns.Set("__debug__", true)
	ns.Set("super", builtinSuper)
	b := func(name string, fn BuiltinFunc) { ns.Set(name, NewBuiltin(name, fn)) }
	b("len", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		a, err := in.Args("len", args, kw, "obj")
		if err != nil {
			return nil, err
		}
		return in.Len(a[0])
	})
	b("repr", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		a, err := in.Args("repr", args, kw, "obj")
		if err != nil {
			return nil, err
		}
		return in.Repr(a[0])
	})
	b("ascii", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		a, err := in.Args("ascii", args, kw, "obj")
		if err != nil {
			return nil, err
		}
		return in.Repr(a[0])
	})
	b("isinstance", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		a, err := in.Args("isinstance", args, kw, "obj", "class_or_tuple")
		if err != nil {
			return nil, err
		}
		return isinstanceOf(in, a[0], a[1])
	})
	b("issubclass", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		a, err := in.Args("issubclass", args, kw, "cls", "class_or_tuple")
		if err != nil {
			return nil, err
		}
		c, ok := a[0].(*Class)
		if !ok {
			return nil, in.TypeError("issubclass() arg 1 must be a class")
		}
		var check func(Value) (bool, error)
		check = func(t Value) (bool, error) {
			switch x := t.(type) {
			case *Class:
				return c.IsSubclass(x), nil
			case Tuple:
				for _, e := range x {
					if ok, err := check(e); ok || err != nil {
						return ok, err
					}
				}
				return false, nil
			}
			return false, in.TypeError("issubclass() arg 2 must be a class or tuple of classes")
		}
		return check(a[1])
	})
	b("hasattr", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		a, err := in.Args("hasattr", args, kw, "obj", "name")
		if err != nil {
			return nil, err
		}
		name, ok := a[1].(string)
		if !ok {
			return nil, in.TypeError("hasattr(): attribute name must be string")
		}
		return in.HasAttr(a[0], name)
	})
	b("getattr", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		if len(args) < 2 || len(args) > 3 {
			return nil, in.TypeError("getattr expected 2 or 3 arguments, got %d", len(args))
		}
		name, ok := args[1].(string)
		if !ok {
			return nil, in.TypeError("getattr(): attribute name must be string")
		}
		v, found, err := in.GetAttrOpt(args[0], name)
		if err != nil {
			if e, isExc := err.(*Exception); isExc && e.IsInstance(AttributeErrorClass) && len(args) == 3 {
				return args[2], nil
			}
			return nil, err
		}
		if !found {
			if len(args) == 3 {
				return args[2], nil
			}
			return nil, attrError(args[0], name)
		}
		return v, nil
	})
	b("setattr", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		a, err := in.Args("setattr", args, kw, "obj", "name", "value")
		if err != nil {
			return nil, err
		}
		name, ok := a[1].(string)
		if !ok {
			return nil, in.TypeError("setattr(): attribute name must be string")
		}
		return None, in.SetAttr(a[0], name, a[2])
	})
	b("delattr", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		a, err := in.Args("delattr", args, kw, "obj", "name")
		if err != nil {
			return nil, err
		}
		name, ok := a[1].(string)
		if !ok {
			return nil, in.TypeError("delattr(): attribute name must be string")
		}
		return None, in.DelAttr(a[0], name)
	})
	b("print", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		sep, end := " ", "\n"
		for _, k := range kw {
			switch k.Name {
			case "sep":
				if s, ok := k.Value.(string); ok {
					sep = s
				}
			case "end":
				if s, ok := k.Value.(string); ok {
					end = s
				}
			}
		}
		parts := make([]string, len(args))
		for i, a := range args {
			s, err := in.Str(a)
			if err != nil {
				return nil, err
			}
			parts[i] = s
		}
		if in.Stdout != nil {
			in.Stdout.Write([]byte(strings.Join(parts, sep) + end))
		}
		return None, nil
	})
	b("callable", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		a, err := in.Args("callable", args, kw, "obj")
		if err != nil {
			return nil, err
		}
		switch x := a[0].(type) {
		case *Function, *Builtin, *BoundMethod, *Class, Callable:
			return true, nil
		case *Instance:
			_, _, ok := x.Class.Lookup("__call__")
			return ok, nil
		}
		return false, nil
	})
	b("iter", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		a, err := in.Args("iter", args, kw, "obj")
		if err != nil {
			return nil, err
		}
		return in.Iter(a[0])
	})
	b("next", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		if len(args) < 1 || len(args) > 2 {
			return nil, in.TypeError("next expected 1 or 2 arguments")
		}
		it, ok := args[0].(Iterator)
		if !ok {
			return nil, in.TypeError("'%s' object is not an iterator", TypeName(args[0]))
		}
		v, ok, err := it.Next(in)
		if err != nil {
			return nil, err
		}
		if !ok {
			if len(args) == 2 {
				return args[1], nil
			}
			return nil, NewException(StopIterationClass)
		}
		return v, nil
	})
	b("enumerate", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		a, err := in.Args("enumerate", args, kw, "iterable", "start?")
		if err != nil {
			return nil, err
		}
		it, err := in.Iter(a[0])
		if err != nil {
			return nil, err
		}
		i := int64(0)
		if a[1] != nil {
			i, _ = asInt(a[1])
		}
		return &funcIter{next: func() (Value, bool, error) {
			v, ok, err := it.Next(in)
			if err != nil || !ok {
				return nil, ok, err
			}
			t := Tuple{i, v}
			i++
			return t, true, nil
		}}, nil
	})
	b("zip", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		its := make([]Iterator, len(args))
		for i, a := range args {
			it, err := in.Iter(a)
			if err != nil {
				return nil, err
			}
			its[i] = it
		}
		return &funcIter{next: func() (Value, bool, error) {
			if len(its) == 0 {
				return nil, false, nil
			}
			t := make(Tuple, len(its))
			for i, it := range its {
				v, ok, err := it.Next(in)
				if err != nil || !ok {
					return nil, false, err
				}
				t[i] = v
			}
			return t, true, nil
		}}, nil
	})
	b("map", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		if len(args) < 2 {
			return nil, in.TypeError("map() must have at least two arguments.")
		}
		fn := args[0]
		its := make([]Iterator, len(args)-1)
		for i, a := range args[1:] {
			it, err := in.Iter(a)
			if err != nil {
				return nil, err
			}
			its[i] = it
		}
		return &funcIter{next: func() (Value, bool, error) {
			vals := make([]Value, len(its))
			for i, it := range its {
				v, ok, err := it.Next(in)
				if err != nil || !ok {
					return nil, false, err
				}
				vals[i] = v
			}
			r, err := in.Call(fn, vals, nil)
			return r, err == nil, err
		}}, nil
	})
	b("filter", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		a, err := in.Args("filter", args, kw, "function", "iterable")
		if err != nil {
			return nil, err
		}
		it, err := in.Iter(a[1])
		if err != nil {
			return nil, err
		}
		return &funcIter{next: func() (Value, bool, error) {
			for {
				v, ok, err := it.Next(in)
				if err != nil || !ok {
					return nil, false, err
				}
				var keep Value = v
				if a[0] != None {
					if keep, err = in.Call(a[0], []Value{v}, nil); err != nil {
						return nil, false, err
					}
				}
				t, err := in.Truth(keep)
				if err != nil {
					return nil, false, err
				}
				if t {
					return v, true, nil
				}
			}
		}}, nil
	})
	b("reversed", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		a, err := in.Args("reversed", args, kw, "seq")
		if err != nil {
			return nil, err
		}
		items, err := in.ToList(a[0])
		if err != nil {
			return nil, err
		}
		for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
			items[i], items[j] = items[j], items[i]
		}
		return &sliceIter{items: items}, nil
	})
	b("sorted", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		if len(args) != 1 {
			return nil, in.TypeError("sorted expected 1 argument, got %d", len(args))
		}
		items, err := in.ToList(args[0])
		if err != nil {
			return nil, err
		}
		var key Value
		reverse := false
		for _, k := range kw {
			switch k.Name {
			case "key":
				key = k.Value
			case "reverse":
				reverse, _ = in.Truth(k.Value)
			default:
				return nil, in.TypeError("sorted() got an unexpected keyword argument '%s'", k.Name)
			}
		}
		if err := in.sortValues(items, key, reverse); err != nil {
			return nil, err
		}
		return NewList(items...), nil
	})
	minmax := func(name string, wantLess bool) BuiltinFunc {
		return func(in *Interp, args []Value, kw []Kw) (Value, error) {
			var key, def Value
			hasDef := false
			for _, k := range kw {
				switch k.Name {
				case "key":
					key = k.Value
				case "default":
					def, hasDef = k.Value, true
				default:
					return nil, in.TypeError("%s() got an unexpected keyword argument '%s'", name, k.Name)
				}
			}
			items := args
			if len(args) == 1 {
				var err error
				if items, err = in.ToList(args[0]); err != nil {
					return nil, err
				}
			}
			if len(items) == 0 {
				if hasDef {
					return def, nil
				}
				return nil, Errorf(ValueErrorClass, "%s() arg is an empty sequence", name)
			}
			best := items[0]
			bestKey := best
			if key != nil && key != None {
				var err error
				if bestKey, err = in.Call(key, []Value{best}, nil); err != nil {
					return nil, err
				}
			}
			for _, it := range items[1:] {
				k := it
				if key != nil && key != None {
					var err error
					if k, err = in.Call(key, []Value{it}, nil); err != nil {
						return nil, err
					}
				}
				var better bool
				var err error
				if wantLess {
					better, err = in.Less(k, bestKey)
				} else {
					better, err = in.Less(bestKey, k)
				}
				if err != nil {
					return nil, err
				}
				if better {
					best, bestKey = it, k
				}
			}
			return best, nil
		}
	}
	b("min", minmax("min", true))
	b("max", minmax("max", false))
	b("sum", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		a, err := in.Args("sum", args, kw, "iterable", "start?")
		if err != nil {
			return nil, err
		}
		var acc Value = int64(0)
		if a[1] != nil {
			acc = a[1]
		}
		items, err := in.ToList(a[0])
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			if acc, err = in.BinaryOp(addOp, acc, it); err != nil {
				return nil, err
			}
		}
		return acc, nil
	})
	anyAll := func(name string, all bool) BuiltinFunc {
		return func(in *Interp, args []Value, kw []Kw) (Value, error) {
			a, err := in.Args(name, args, kw, "iterable")
			if err != nil {
				return nil, err
			}
			it, err := in.Iter(a[0])
			if err != nil {
				return nil, err
			}
			for {
				v, ok, err := it.Next(in)
				if err != nil {
					return nil, err
				}
				if !ok {
					return all, nil
				}
				t, err := in.Truth(v)
				if err != nil {
					return nil, err
				}
				if t != all {
					return !all, nil
				}
			}
		}
	}
	b("any", anyAll("any", false))
	b("all", anyAll("all", true))
	b("abs", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		a, err := in.Args("abs", args, kw, "x")
		if err != nil {
			return nil, err
		}
		switch x := a[0].(type) {
		case bool, int64:
			i, _ := asInt(x)
			if i < 0 {
				return -i, nil
			}
			return i, nil
		case float64:
			return math.Abs(x), nil
		}
		return nil, in.TypeError("bad operand type for abs(): '%s'", TypeName(a[0]))
	})
	b("round", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		a, err := in.Args("round", args, kw, "number", "ndigits?")
		if err != nil {
			return nil, err
		}
		f, ok := numeric(a[0])
		if !ok {
			return nil, in.TypeError("type %s doesn't define __round__ method", TypeName(a[0]))
		}
		if a[1] == nil || a[1] == None {
			return int64(math.RoundToEven(f)), nil
		}
		n, _ := asInt(a[1])
		if _, isInt := a[0].(int64); isInt && n >= 0 {
			return a[0], nil
		}
		if n < 0 {
			p := math.Pow(10, float64(-n))
			return math.RoundToEven(f/p) * p, nil
		}
		// Python rounds the exact binary value, as FormatFloat does.
		r, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', int(n), 64), 64)
		return r, nil
	})
	b("divmod", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		a, err := in.Args("divmod", args, kw, "a", "b")
		if err != nil {
			return nil, err
		}
		q, err := in.BinaryOp(floorDivOp, a[0], a[1])
		if err != nil {
			return nil, err
		}
		r, err := in.BinaryOp(modOp, a[0], a[1])
		if err != nil {
			return nil, err
		}
		return Tuple{q, r}, nil
	})
	b("pow", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		a, err := in.Args("pow", args, kw, "base", "exp")
		if err != nil {
			return nil, err
		}
		return in.BinaryOp(powOp, a[0], a[1])
	})
	b("ord", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		a, err := in.Args("ord", args, kw, "c")
		if err != nil {
			return nil, err
		}
		s, ok := a[0].(string)
		if !ok || len([]rune(s)) != 1 {
			return nil, in.TypeError("ord() expected a character")
		}
		return int64([]rune(s)[0]), nil
	})
	b("chr", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		a, err := in.Args("chr", args, kw, "i")
		if err != nil {
			return nil, err
		}
		i, ok := asInt(a[0])
		if !ok || i < 0 || i > unicode.MaxRune {
			return nil, Errorf(ValueErrorClass, "chr() arg not in range(0x110000)")
		}
		return string(rune(i)), nil
	})
	b("hex", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		i, ok := asInt(args[0])
		if !ok {
			return nil, in.TypeError("'%s' object cannot be interpreted as an integer", TypeName(args[0]))
		}
		if i < 0 {
			return "-0x" + strconv.FormatInt(-i, 16), nil
		}
		return "0x" + strconv.FormatInt(i, 16), nil
	})
	b("hash", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		k, err := hashKey(args[0])
		if err != nil {
			return nil, err
		}
		var h int64
		for _, c := range []byte(k) {
			h = h*31 + int64(c)
		}
		return h, nil
	})
	b("id", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		return int64(ptrIDSafe(args[0])), nil
	})
	b("format", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		a, err := in.Args("format", args, kw, "value", "format_spec?")
		if err != nil {
			return nil, err
		}
		spec := ""
		if a[1] != nil {
			spec, _ = a[1].(string)
		}
		return in.Format(a[0], spec)
	})
	b("vars", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		a, err := in.Args("vars", args, kw, "object")
		if err != nil {
			return nil, err
		}
		return in.GetAttr(a[0], "__dict__")
	})
	b("property", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		a, err := in.Args("property", args, kw, "fget?", "fset?", "fdel?", "doc?")
		if err != nil {
			return nil, err
		}
		p := &Property{}
		if a[0] != nil && a[0] != None {
			p.Get = a[0]
		}
		if a[1] != nil && a[1] != None {
			p.Set = a[1]
		}
		if a[2] != nil && a[2] != None {
			p.Del = a[2]
		}
		return p, nil
	})
	b("staticmethod", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		a, err := in.Args("staticmethod", args, kw, "function")
		if err != nil {
			return nil, err
		}
		return &StaticMethod{Fn: a[0]}, nil
	})
	b("classmethod", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		a, err := in.Args("classmethod", args, kw, "function")
		if err != nil {
			return nil, err
		}
		return &ClassMethod{Fn: a[0]}, nil
	})
	b("open", builtinOpen)
	b("globals", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		if len(in.stack) == 0 {
			return NewDict(), nil
		}
		m := in.stack[len(in.stack)-1].module
		d := NewDict()
		for _, k := range m.Dict.Keys() {
			v, _ := m.Dict.Get(k)
			d.SetStr(k, v)
		}
		return d, nil
	})
	return ns
}

func ptrIDSafe(v Value) uintptr {
	switch v.(type) {
	case *List, *Dict, *Set, *Instance, *Class, *Function, *Module, *Builtin, *BoundMethod:
		return ptrID(v)
	}
	return 0
}

func isinstanceOf(in *Interp, v, t Value) (bool, error) {
	switch x := t.(type) {
	case *Class:
		return IsInstance(v, x), nil
	case Tuple:
		for _, e := range x {
			ok, err := isinstanceOf(in, v, e)
			if ok || err != nil {
				return ok, err
			}
		}
		return false, nil
	case instanceChecker:
		return x.IsInstance(v), nil
	}
	return false, in.TypeError("isinstance() arg 2 must be a type, a tuple of types, or a union")
}

// instanceChecker lets host objects act as isinstance targets (for
// example a host "str subclass" type).
type instanceChecker interface {
	IsInstance(v Value) bool
}
