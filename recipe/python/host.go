package python

import "github.com/conid/conid/recipe/python/syntax"

// Host objects: Go values that Python code can use. Each interface is
// optional; an operation on an object that lacks the interface raises the
// TypeError or AttributeError Python would raise.

// Named gives a host object its Python type name (for messages and type()).
type Named interface {
	TypeName() string
}

// AttrGetter is attribute access. Return (nil, false, nil) when the
// attribute does not exist, so that the interpreter raises AttributeError.
type AttrGetter interface {
	GetAttr(in *Interp, name string) (Value, bool, error)
}

// AttrSetter is attribute assignment.
type AttrSetter interface {
	SetAttr(in *Interp, name string, v Value) error
}

// AttrDeleter is "del obj.name".
type AttrDeleter interface {
	DelAttr(in *Interp, name string) error
}

// ItemGetter is obj[key].
type ItemGetter interface {
	GetItem(in *Interp, key Value) (Value, error)
}

// ItemSetter is obj[key] = v.
type ItemSetter interface {
	SetItem(in *Interp, key, v Value) error
}

// ItemDeleter is del obj[key].
type ItemDeleter interface {
	DelItem(in *Interp, key Value) error
}

// Callable is obj(...).
type Callable interface {
	Call(in *Interp, args []Value, kw []Kw) (Value, error)
}

// Truther is bool(obj).
type Truther interface {
	Truth() bool
}

// Stringer is str(obj).
type Stringer interface {
	Str() string
}

// Reprer is repr(obj).
type Reprer interface {
	Repr() string
}

// Equaler is obj == other. It may raise (Conan's settings do).
// Return NotImplemented-like (handled=false) to fall back to identity.
type Equaler interface {
	Eq(in *Interp, other Value) (eq bool, handled bool, err error)
}

// Orderer is obj < other (and the other rich comparisons derived from it
// and Eq). handled=false means NotImplemented.
type Orderer interface {
	Less(in *Interp, other Value) (less bool, handled bool, err error)
}

// Container is "x in obj".
type Container interface {
	Contains(in *Interp, x Value) (bool, error)
}

// Iterable is "for x in obj".
type Iterable interface {
	Iter(in *Interp) (Iterator, error)
}

// TupleSubclass is a host value that is a Python tuple subclass (a
// namedtuple such as Conan's ConanFileReference): "fmt % value" takes
// it as the argument tuple.
type TupleSubclass interface {
	AsTuple() Tuple
}

// Lener is len(obj).
type Lener interface {
	Len() int
}

// Hasher makes a host object usable as a dict key or set member; the key
// must be equal for objects that compare equal: StrKey of the string an
// object equals a str, else a key starting with KeyMark and a
// letter of its own (see hashKey).
type Hasher interface {
	HashKey() (string, error)
}

// Iterator is a Python iterator: Next returns false when exhausted.
type Iterator interface {
	Next(in *Interp) (Value, bool, error)
}

// StrObject is a host value that is a Python str subclass (Conan's option
// values and model versions are). Every str behaviour applies to PyStr()
// unless the host overrides it through another interface (Equaler,
// Orderer, Truther, AttrGetter, Hasher...).
type StrObject interface {
	PyStr() string
}

// strOf returns the text of a str or str-subclass value.
func strOf(v Value) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case StrObject:
		return x.PyStr(), true
	}
	return "", false
}

// RichComparer implements <, <=, > and >= (op is one of those). Python
// asks the left operand first, then the right one with the reflected
// operator; handled=false means NotImplemented.
type RichComparer interface {
	RichCompare(in *Interp, op string, other Value) (result bool, handled bool, err error)
}

var reflectedOp = map[string]string{"<": ">", ">": "<", "<=": ">=", ">=": "<="}

func (in *Interp) tryRich(op string, a, b Value) (bool, bool, error) {
	if rc, ok := a.(RichComparer); ok {
		r, handled, err := rc.RichCompare(in, op, b)
		if err != nil || handled {
			return r, true, err
		}
	}
	if rc, ok := b.(RichComparer); ok {
		r, handled, err := rc.RichCompare(in, reflectedOp[op], a)
		if err != nil || handled {
			return r, true, err
		}
	}
	return false, false, nil
}

// NewHostClass returns a class whose instances are host values built by
// ctor (Python code calls the class; isinstance needs the host value to
// implement Classed and return this class).
func NewHostClass(name, module string, ctor BuiltinFunc) *Class {
	c := builtinType(name, ctor)
	c.Module = module
	return c
}

// Operator is a binary operator, re-exported for host code.
type Operator = syntax.Operator

// OpAdd is "+".
const OpAdd = syntax.Add

// HashKeyOf returns the dict key encoding of a value (host Hashers use it
// to hash like a built-in value).
func HashKeyOf(v Value) (string, error) { return hashKey(v) }
