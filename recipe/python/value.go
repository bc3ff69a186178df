// Package python evaluates a subset of Python 3: enough to run the methods
// of Conan recipes that shape a dependency graph and a package ID.
//
// The interpreter walks the tree built by package syntax. Python values
// map to Go values:
//
//	None            None (NoneType)
//	bool            bool
//	int             int64 (overflow is an error, never a wrong number)
//	float           float64
//	str             string
//	list            *List
//	tuple           Tuple
//	dict            *Dict (insertion ordered)
//	set, frozenset  *Set
//	functions       *Function (Python), *Builtin (Go)
//	classes         *Class; instances *Instance; modules *Module
//
// Host code (the Conan model: settings, options, requirements...) exposes
// its own objects by implementing the small interfaces in host.go, so the
// interpreter knows nothing of Conan.
//
// Two kinds of error leave the interpreter: *Exception, a Python exception
// that try/except can catch, and *Unsupported, raised for a construct the
// interpreter does not implement. An Unsupported error is never caught by
// Python code, so a recipe cannot silently take a wrong branch; it names
// the file, the line and the construct.
package python

import (
	"fmt"
	"slices"

	"github.com/conid/conid/internal/strindex"
)

// Value is any Python value.
type Value = any

// NoneType is the type of None.
type NoneType struct{}

// None is Python's None.
var None = NoneType{}

// Tuple is an immutable sequence.
type Tuple []Value

// List is a mutable sequence.
type List struct {
	Items []Value
}

// NewList returns a list holding items (not copied).
func NewList(items ...Value) *List { return &List{Items: items} }

// Kw is one keyword argument of a call.
type Kw struct {
	Name  string
	Value Value
}

// BuiltinFunc is the Go implementation of a callable.
type BuiltinFunc func(in *Interp, args []Value, kw []Kw) (Value, error)

// Builtin is a callable implemented in Go. Self, when set, is the bound
// receiver (already included in nothing: the implementation captures it).
type Builtin struct {
	Name string
	Fn   BuiltinFunc
	// Text, when set, is its repr (a host object's bound method:
	// "<bound method Version.major of '1.2.3'>").
	Text string
}

// NewBuiltin wraps a Go function as a Python callable.
func NewBuiltin(name string, fn BuiltinFunc) *Builtin { return &Builtin{Name: name, Fn: fn} }

// Module is an imported module: a namespace.
type Module struct {
	Name string
	Dict *Namespace
	File string
}

// NewModule returns an empty module.
func NewModule(name string) *Module { return &Module{Name: name, Dict: NewNamespace()} }

// Set stores a module attribute; convenient for host modules.
func (m *Module) Set(name string, v Value) *Module { m.Dict.Set(name, v); return m }

// Namespace is an insertion-ordered string-keyed map: module globals,
// class bodies, instance attributes (every package's instance has one).
// Readers on several goroutines never write (see names).
type Namespace struct {
	keys strindex.List
	vals []Value
}

// NewNamespace returns an empty namespace.
func NewNamespace() *Namespace { return &Namespace{} }

// NewNamespaceSize returns an empty namespace with room for n names.
func NewNamespaceSize(n int) *Namespace {
	return &Namespace{keys: strindex.WithCap(n), vals: make([]Value, 0, n)}
}

// Get returns a value and whether it is present.
func (n *Namespace) Get(k string) (Value, bool) {
	if i := n.keys.Find(k); i >= 0 {
		return n.vals[i], true
	}
	return nil, false
}

// Set stores a value.
func (n *Namespace) Set(k string, v Value) {
	if i := n.keys.Find(k); i >= 0 {
		n.vals[i] = v
		return
	}
	n.keys.Add(k)
	n.vals = append(n.vals, v)
}

// Delete removes a key and reports whether it was present.
func (n *Namespace) Delete(k string) bool {
	i := n.keys.Find(k)
	if i < 0 {
		return false
	}
	n.keys.RemoveAt(i)
	n.vals = append(n.vals[:i:i], n.vals[i+1:]...)
	return true
}

// Keys returns the keys in insertion order.
func (n *Namespace) Keys() []string { return append([]string(nil), n.keys.Strings()...) }

// Len is the number of entries.
func (n *Namespace) Len() int { return n.keys.Len() }

// Copy returns a shallow copy.
func (n *Namespace) Copy() *Namespace {
	return &Namespace{keys: n.keys.Clone(), vals: slices.Clone(n.vals)}
}

// Class is a Python class: user-defined, or a host class whose methods are
// Builtins in its Dict.
type Class struct {
	Name  string
	Bases []*Class
	MRO   []*Class
	Dict  *Namespace
	// Module is the defining module's name, for repr.
	Module string
	// NewInstance, when set, builds instances of a host class (the Go
	// value stored in Instance.Host). Subclasses inherit it.
	NewHost func() any
	// builtinType marks the classes of built-in types (str, int...), whose
	// instances are plain Go values.
	builtinType bool
}

// NewClass creates a class with a computed MRO.
func NewClass(name string, bases []*Class, dict *Namespace) (*Class, error) {
	if dict == nil {
		dict = NewNamespace()
	}
	c := &Class{Name: name, Bases: bases, Dict: dict}
	mro, err := computeMRO(c)
	if err != nil {
		return nil, err
	}
	c.MRO = mro
	return c, nil
}

// SetBases replaces the bases of c (Python's "C.__bases__ = ...") and
// computes its MRO again.
func (c *Class) SetBases(bases []*Class) error {
	old := c.Bases
	c.Bases = bases
	mro, err := computeMRO(c)
	if err != nil {
		c.Bases = old
		return err
	}
	c.MRO = mro
	return nil
}

// MustClass is NewClass for host classes; it panics on a bad hierarchy.
func MustClass(name string, bases ...*Class) *Class {
	c, err := NewClass(name, bases, nil)
	if err != nil {
		panic(err)
	}
	return c
}

// Lookup finds an attribute along the MRO.
func (c *Class) Lookup(name string) (Value, *Class, bool) {
	for _, k := range c.MRO {
		if v, ok := k.Dict.Get(name); ok {
			return v, k, true
		}
	}
	return nil, nil, false
}

// IsSubclass reports whether c is other or derives from it.
func (c *Class) IsSubclass(other *Class) bool {
	for _, k := range c.MRO {
		if k == other {
			return true
		}
	}
	return false
}

func computeMRO(c *Class) ([]*Class, error) {
	if len(c.Bases) == 1 {
		// C3 of one base is the class, then the base's order: every
		// recipe class derives from ConanFile alone.
		return append(append(make([]*Class, 0, 1+len(c.Bases[0].MRO)), c), c.Bases[0].MRO...), nil
	}
	return c3(c)
}

// c3 is the C3 linearisation of c's bases.
func c3(c *Class) ([]*Class, error) {
	var seqs [][]*Class
	for _, b := range c.Bases {
		seqs = append(seqs, append([]*Class(nil), b.MRO...))
	}
	seqs = append(seqs, append([]*Class(nil), c.Bases...))
	out := []*Class{c}
	for {
		empty := true
		for _, s := range seqs {
			if len(s) > 0 {
				empty = false
			}
		}
		if empty {
			return out, nil
		}
		var cand *Class
		for _, s := range seqs {
			if len(s) == 0 {
				continue
			}
			head := s[0]
			inTail := false
			for _, t := range seqs {
				for _, x := range t[min(1, len(t)):] {
					if x == head {
						inTail = true
					}
				}
			}
			if !inTail {
				cand = head
				break
			}
		}
		if cand == nil {
			return nil, fmt.Errorf("Cannot create a consistent method resolution order (MRO) for bases of %s", c.Name)
		}
		out = append(out, cand)
		for i, s := range seqs {
			if len(s) > 0 && s[0] == cand {
				seqs[i] = s[1:]
			}
		}
	}
}

// Instance is an object of a user class (or a host class).
type Instance struct {
	Class *Class
	Dict  *Namespace
	// Host holds the Go state of instances of host classes (exceptions
	// keep their args here; a Conan recipe its model).
	Host any
}

// Function is a function or lambda defined in Python.
type Function struct {
	Name     string
	Qualname string
	def      *funcCode
	Defaults []Value
	KwDefs   []Value // aligned with KwOnlyArgs; nil where none
	Globals  *Module
	Closure  *frame
	// Class is the class the function was defined in, for super().
	Class *Class
	Dict  *Namespace // attributes set on the function; nil until one is
}

// BoundMethod is a function bound to its receiver.
type BoundMethod struct {
	Self Value
	Fn   Value // *Function or *Builtin
}

// Property is the result of @property.
type Property struct {
	Get, Set, Del Value
	Doc           Value
}

// StaticMethod is the result of @staticmethod.
type StaticMethod struct{ Fn Value }

// ClassMethod is the result of @classmethod.
type ClassMethod struct{ Fn Value }

// Super is the object returned by super().
type Super struct {
	Class *Class // the class whose MRO position we start after
	Self  Value  // instance or class
}

// Slice is a slice object (a[1:2]).
type Slice struct{ Start, Stop, Step Value }

// Range is a range object.
type Range struct{ Start, Stop, Step int64 }

func (r Range) Len() int64 {
	if r.Step > 0 && r.Start < r.Stop {
		return (r.Stop - r.Start + r.Step - 1) / r.Step
	}
	if r.Step < 0 && r.Start > r.Stop {
		return (r.Start - r.Stop - r.Step - 1) / (-r.Step)
	}
	return 0
}

// NotImplementedType is the type of NotImplemented.
type NotImplementedType struct{}

// NotImplemented is Python's NotImplemented.
var NotImplemented = NotImplementedType{}

// EllipsisType is the type of "...".
type EllipsisType struct{}

// Ellipsis is Python's Ellipsis.
var Ellipsis = EllipsisType{}

// TypeName returns the Python type name of a value, as type(v).__name__.
func TypeName(v Value) string {
	switch x := v.(type) {
	case NoneType:
		return "NoneType"
	case bool:
		return "bool"
	case int64:
		return "int"
	case float64:
		return "float"
	case string:
		return "str"
	case *List:
		return "list"
	case Tuple:
		return "tuple"
	case *Dict:
		return "dict"
	case *Set:
		if x.Frozen {
			return "frozenset"
		}
		return "set"
	case *Function:
		return "function"
	case *Builtin:
		return "builtin_function_or_method"
	case *BoundMethod:
		return "method"
	case *Class:
		return "type"
	case *Instance:
		return x.Class.Name
	case *Module:
		return "module"
	case *Property:
		return "property"
	case Range:
		return "range"
	case *Slice:
		return "slice"
	case *Super:
		return "super"
	case Iterator:
		return "iterator"
	case Named:
		return x.TypeName()
	}
	return fmt.Sprintf("%T", v)
}
