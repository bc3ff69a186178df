package python

import (
	"math"
	"math/bits"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/conid/conid/recipe/python/syntax"
)

// Truth is Python's bool(v).
func (in *Interp) Truth(v Value) (bool, error) {
	switch x := v.(type) {
	case *Opaque:
		return false, &Unsupported{File: in.currentFile(), Pos: in.currentPos(), Construct: "truth value of " + x.Name}
	case bool:
		return x, nil
	case NoneType:
		return false, nil
	case int64:
		return x != 0, nil
	case float64:
		return x != 0, nil
	case string:
		return x != "", nil
	case *List:
		return len(x.Items) > 0, nil
	case Tuple:
		return len(x) > 0, nil
	case *Dict:
		return x.Len() > 0, nil
	case *Set:
		return x.Len() > 0, nil
	case Range:
		return x.Len() > 0, nil
	case *Instance:
		if m, _, ok := x.Class.Lookup("__bool__"); ok {
			r, err := in.Call(m, []Value{x}, nil)
			if err != nil {
				return false, err
			}
			b, ok := r.(bool)
			if !ok {
				return false, in.TypeError("__bool__ should return bool, returned %s", TypeName(r))
			}
			return b, nil
		}
		if m, _, ok := x.Class.Lookup("__len__"); ok {
			r, err := in.Call(m, []Value{x}, nil)
			if err != nil {
				return false, err
			}
			n, _ := r.(int64)
			return n != 0, nil
		}
		if t, ok := x.Host.(Truther); ok {
			return t.Truth(), nil
		}
		return true, nil
	case Truther:
		return x.Truth(), nil
	case StrObject:
		return x.PyStr() != "", nil
	case Lener:
		return x.Len() > 0, nil
	}
	return true, nil
}

// Str is Python's str(v).
func (in *Interp) Str(v Value) (string, error) {
	switch x := v.(type) {
	case string:
		return x, nil
	case *Instance:
		if m, owner, ok := x.Class.Lookup("__str__"); ok && owner != ObjectClass {
			r, err := in.Call(m, []Value{x}, nil)
			if err != nil {
				return "", err
			}
			s, ok := r.(string)
			if !ok {
				return "", in.TypeError("__str__ returned non-string (type %s)", TypeName(r))
			}
			return s, nil
		}
		if s, ok := x.Host.(Stringer); ok {
			return s.Str(), nil
		}
		return in.Repr(v)
	case StrObject:
		return x.PyStr(), nil
	case Stringer:
		return x.Str(), nil
	}
	return in.Repr(v)
}

func strNoInterp(v Value) (string, error) {
	if s, ok := v.(string); ok {
		return s, nil
	}
	if s, ok := v.(Stringer); ok {
		return s.Str(), nil
	}
	return reprNoInterp(v), nil
}

func reprNoInterp(v Value) string {
	in := &Interp{}
	s, err := in.Repr(v)
	if err != nil {
		return "<" + TypeName(v) + ">"
	}
	return s
}

// Repr is Python's repr(v).
func (in *Interp) Repr(v Value) (string, error) {
	switch x := v.(type) {
	case NoneType:
		return "None", nil
	case bool:
		if x {
			return "True", nil
		}
		return "False", nil
	case int64:
		return strconv.FormatInt(x, 10), nil
	case float64:
		return pyFloat(x), nil
	case string:
		return pyStrRepr(x), nil
	case *List:
		return in.seqRepr("[", "]", x.Items, false)
	case Tuple:
		return in.seqRepr("(", ")", x, len(x) == 1)
	case *Dict:
		keys, vals := x.Items()
		if x.Ordered && len(keys) == 0 {
			return "OrderedDict()", nil
		}
		parts := make([]string, len(keys))
		for i := range keys {
			k, err := in.Repr(keys[i])
			if err != nil {
				return "", err
			}
			val, err := in.Repr(vals[i])
			if err != nil {
				return "", err
			}
			if x.Ordered {
				parts[i] = "(" + k + ", " + val + ")"
			} else {
				parts[i] = k + ": " + val
			}
		}
		if x.Ordered {
			return "OrderedDict([" + strings.Join(parts, ", ") + "])", nil
		}
		return "{" + strings.Join(parts, ", ") + "}", nil
	case *Set:
		if x.Len() == 0 {
			if x.Frozen {
				return "frozenset()", nil
			}
			return "set()", nil
		}
		s, err := in.seqRepr("{", "}", x.Members(), false)
		if err != nil {
			return "", err
		}
		if x.Frozen {
			return "frozenset(" + s + ")", nil
		}
		return s, nil
	case *Class:
		if x.Module != "" && x.Module != "builtins" {
			return "<class '" + x.Module + "." + x.Name + "'>", nil
		}
		return "<class '" + x.Name + "'>", nil
	case *Instance:
		if m, owner, ok := x.Class.Lookup("__repr__"); ok && owner != ObjectClass {
			r, err := in.Call(m, []Value{x}, nil)
			if err != nil {
				return "", err
			}
			s, _ := r.(string)
			return s, nil
		}
		if x.Class.IsSubclass(BaseExceptionClass) {
			args := (&Exception{Value: x}).Args()
			s, err := in.seqRepr("(", ")", args, false)
			if err != nil {
				return "", err
			}
			return x.Class.Name + s, nil
		}
		if r, ok := x.Host.(Reprer); ok {
			return r.Repr(), nil
		}
		return "<" + x.Class.Module + "." + x.Class.Name + " object>", nil
	case *Function:
		return "<function " + x.Qualname + ">", nil
	case *Builtin:
		if x.Text != "" {
			return x.Text, nil
		}
		return "<built-in function " + x.Name + ">", nil
	case *Module:
		return "<module '" + x.Name + "'>", nil
	case Range:
		if x.Step == 1 {
			return "range(" + strconv.FormatInt(x.Start, 10) + ", " + strconv.FormatInt(x.Stop, 10) + ")", nil
		}
		return "range(" + strconv.FormatInt(x.Start, 10) + ", " + strconv.FormatInt(x.Stop, 10) + ", " + strconv.FormatInt(x.Step, 10) + ")", nil
	case EllipsisType:
		return "Ellipsis", nil
	case NotImplementedType:
		return "NotImplemented", nil
	case Reprer:
		return x.Repr(), nil
	case StrObject:
		return pyStrRepr(x.PyStr()), nil
	case Stringer:
		return x.Str(), nil
	}
	return "<" + TypeName(v) + " object>", nil
}

func (in *Interp) seqRepr(open, close string, items []Value, trailing bool) (string, error) {
	var b strings.Builder
	b.WriteString(open)
	for i, it := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		s, err := in.Repr(it)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
	}
	if trailing {
		b.WriteString(",")
	}
	b.WriteString(close)
	return b.String(), nil
}

// pyStrRepr renders a string as Python's repr does.
func pyStrRepr(s string) string {
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
			b.WriteString(`\x`)
			b.WriteString(strconv.FormatInt(int64(r)+0x100, 16)[1:])
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte(q)
	return b.String()
}

// pyFloat formats a float like Python's repr.
func pyFloat(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	if f == 0 {
		if math.Signbit(f) {
			return "-0.0"
		}
		return "0.0"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64)
	mant, expS, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(expS)
	if exp < -4 || exp >= 16 {
		sign := "+"
		if exp < 0 {
			sign = "-"
			exp = -exp
		}
		es := strconv.Itoa(exp)
		if len(es) < 2 {
			es = "0" + es
		}
		return mant + "e" + sign + es
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// Equal is Python's ==.
func (in *Interp) Equal(a, b Value) (bool, error) {
	switch x := a.(type) {
	case NoneType:
		if _, ok := b.(NoneType); ok {
			return true, nil
		}
	case bool, int64, float64:
		if fa, ok := numeric(a); ok {
			if fb, ok := numeric(b); ok {
				return numEq(a, b, fa, fb), nil
			}
		}
	case string:
		if y, ok := b.(string); ok {
			return x == y, nil
		}
	case *List:
		if y, ok := b.(*List); ok {
			return in.seqEqual(x.Items, y.Items)
		}
		return in.reflectedEq(a, b)
	case Tuple:
		if y, ok := b.(Tuple); ok {
			return in.seqEqual(x, y)
		}
		return in.reflectedEq(a, b)
	case *Dict:
		if y, ok := b.(*Dict); ok {
			if x.Len() != y.Len() {
				return false, nil
			}
			keys, vals := x.Items()
			for i, k := range keys {
				v2, ok, err := y.Get(k)
				if err != nil || !ok {
					return false, err
				}
				eq, err := in.Equal(vals[i], v2)
				if err != nil || !eq {
					return false, err
				}
			}
			return true, nil
		}
	case *Set:
		if y, ok := b.(*Set); ok {
			if x.Len() != y.Len() {
				return false, nil
			}
			for _, m := range x.Members() {
				has, err := y.Has(m)
				if err != nil || !has {
					return false, err
				}
			}
			return true, nil
		}
	case Range:
		if y, ok := b.(Range); ok {
			return x == y, nil
		}
	case *Instance:
		if m, owner, ok := x.Class.Lookup("__eq__"); ok && owner != ObjectClass {
			r, err := in.Call(m, []Value{x, b}, nil)
			if err != nil {
				return false, err
			}
			if r != NotImplemented {
				return in.Truth(r)
			}
		} else if e, ok := x.Host.(Equaler); ok {
			eq, handled, err := e.Eq(in, b)
			if err != nil || handled {
				return eq, err
			}
		}
	case Equaler:
		eq, handled, err := x.Eq(in, b)
		if err != nil || handled {
			return eq, err
		}
	case StrObject:
		if _, isEq := b.(Equaler); !isEq {
			if sb, ok := strOf(b); ok {
				return x.PyStr() == sb, nil
			}
		}
	}
	return in.reflectedEq(a, b)
}

// reflectedEq tries b.__eq__(a), then identity.
func (in *Interp) reflectedEq(a, b Value) (bool, error) {
	switch y := b.(type) {
	case *Instance:
		if m, owner, ok := y.Class.Lookup("__eq__"); ok && owner != ObjectClass {
			r, err := in.Call(m, []Value{y, a}, nil)
			if err != nil {
				return false, err
			}
			if r != NotImplemented {
				return in.Truth(r)
			}
		} else if e, ok := y.Host.(Equaler); ok {
			eq, handled, err := e.Eq(in, a)
			if err != nil || handled {
				return eq, err
			}
		}
	case Equaler:
		eq, handled, err := y.Eq(in, a)
		if err != nil || handled {
			return eq, err
		}
	case StrObject:
		if sa, ok := strOf(a); ok {
			return sa == y.PyStr(), nil
		}
	}
	return identical(a, b), nil
}

func identical(a, b Value) bool {
	ta, tb := reflect.TypeOf(a), reflect.TypeOf(b)
	if ta != tb || ta == nil || !ta.Comparable() {
		return false
	}
	return a == b
}

func (in *Interp) seqEqual(a, b []Value) (bool, error) {
	if len(a) != len(b) {
		return false, nil
	}
	for i := range a {
		eq, err := in.Equal(a[i], b[i])
		if err != nil || !eq {
			return false, err
		}
	}
	return true, nil
}

func numeric(v Value) (float64, bool) {
	switch x := v.(type) {
	case bool:
		if x {
			return 1, true
		}
		return 0, true
	case int64:
		return float64(x), true
	case float64:
		return x, true
	}
	return 0, false
}

func asInt(v Value) (int64, bool) {
	switch x := v.(type) {
	case bool:
		if x {
			return 1, true
		}
		return 0, true
	case int64:
		return x, true
	}
	return 0, false
}

func numEq(a, b Value, fa, fb float64) bool {
	ia, aok := asInt(a)
	ib, bok := asInt(b)
	if aok && bok {
		return ia == ib
	}
	return fa == fb
}

// Less is Python's a < b.
func (in *Interp) Less(a, b Value) (bool, error) {
	if r, ok, err := in.tryRich("<", a, b); ok || err != nil {
		return r, err
	}
	if ia, ok := asInt(a); ok {
		if ib, ok := asInt(b); ok {
			return ia < ib, nil
		}
	}
	if fa, ok := numeric(a); ok {
		if fb, ok := numeric(b); ok {
			return fa < fb, nil
		}
	}
	switch x := a.(type) {
	case string:
		if y, ok := b.(string); ok {
			return x < y, nil
		}
	case *List:
		if y, ok := b.(*List); ok {
			return in.seqLess(x.Items, y.Items)
		}
	case Tuple:
		if y, ok := b.(Tuple); ok {
			return in.seqLess(x, y)
		}
	case *Set:
		if y, ok := b.(*Set); ok {
			if x.Len() >= y.Len() {
				return false, nil
			}
			for _, m := range x.Members() {
				if has, _ := y.Has(m); !has {
					return false, nil
				}
			}
			return true, nil
		}
	case *Instance:
		if r, ok, err := in.richCompare(x, "__lt__", b); ok || err != nil {
			return r, err
		}
		if o, ok := x.Host.(Orderer); ok {
			l, handled, err := o.Less(in, b)
			if err != nil || handled {
				return l, err
			}
		}
	case Orderer:
		l, handled, err := x.Less(in, b)
		if err != nil || handled {
			return l, err
		}
	}
	if _, isOrd := b.(greaterer); !isOrd {
		if sa, ok := strOf(a); ok {
			if sb, ok := strOf(b); ok {
				return sa < sb, nil
			}
		}
	}
	// reflected: b > a
	switch y := b.(type) {
	case *Instance:
		if r, ok, err := in.richCompare(y, "__gt__", a); ok || err != nil {
			return r, err
		}
	case greaterer:
		g, handled, err := y.Greater(in, a)
		if err != nil || handled {
			return g, err
		}
	}
	return false, in.TypeError("'<' not supported between instances of '%s' and '%s'", TypeName(a), TypeName(b))
}

// greaterer is the reflected form of Orderer (b > a).
type greaterer interface {
	Greater(in *Interp, other Value) (bool, bool, error)
}

func (in *Interp) richCompare(x *Instance, method string, other Value) (bool, bool, error) {
	m, owner, ok := x.Class.Lookup(method)
	if !ok || owner == ObjectClass {
		return false, false, nil
	}
	r, err := in.Call(m, []Value{x, other}, nil)
	if err != nil {
		return false, false, err
	}
	if r == NotImplemented {
		return false, false, nil
	}
	t, err := in.Truth(r)
	return t, true, err
}

func (in *Interp) seqLess(a, b []Value) (bool, error) {
	for i := 0; i < len(a) && i < len(b); i++ {
		eq, err := in.Equal(a[i], b[i])
		if err != nil {
			return false, err
		}
		if !eq {
			return in.Less(a[i], b[i])
		}
	}
	return len(a) < len(b), nil
}

func (in *Interp) compareOp(op string, a, b Value) (bool, error) {
	if r, ok, err := in.tryRich(op, a, b); ok || err != nil {
		return r, err
	}
	// instances may define any rich comparison directly
	if x, ok := a.(*Instance); ok {
		name := map[string]string{"<": "__lt__", "<=": "__le__", ">": "__gt__", ">=": "__ge__"}[op]
		if r, ok, err := in.richCompare(x, name, b); ok || err != nil {
			return r, err
		}
	}
	if y, ok := b.(*Instance); ok {
		name := map[string]string{"<": "__gt__", "<=": "__ge__", ">": "__lt__", ">=": "__le__"}[op]
		if r, ok, err := in.richCompare(y, name, a); ok || err != nil {
			return r, err
		}
	}
	switch op {
	case "<":
		return in.Less(a, b)
	case ">":
		return in.Less(b, a)
	case "<=":
		if _, isSet := a.(*Set); isSet {
			l, err := in.Less(a, b)
			if err != nil || l {
				return l, err
			}
			return in.Equal(a, b)
		}
		l, err := in.Less(b, a)
		if err != nil {
			return false, in.TypeError("'<=' not supported between instances of '%s' and '%s'", TypeName(a), TypeName(b))
		}
		if l {
			return false, nil
		}
		if fa, ok := numeric(a); ok {
			if fb, ok := numeric(b); ok && (math.IsNaN(fa) || math.IsNaN(fb)) {
				return false, nil
			}
		}
		return true, nil
	case ">=":
		l, err := in.Less(a, b)
		if err != nil {
			return false, in.TypeError("'>=' not supported between instances of '%s' and '%s'", TypeName(a), TypeName(b))
		}
		return !l, nil
	}
	return false, nil
}

func (in *Interp) compare(op syntax.CmpOperator, a, b Value) (bool, error) {
	switch op {
	case syntax.Eq:
		return in.Equal(a, b)
	case syntax.NotEq:
		if x, ok := a.(*Instance); ok {
			if r, ok, err := in.richCompare(x, "__ne__", b); ok || err != nil {
				return r, err
			}
		}
		eq, err := in.Equal(a, b)
		return !eq, err
	case syntax.Lt:
		return in.compareOp("<", a, b)
	case syntax.LtE:
		return in.compareOp("<=", a, b)
	case syntax.Gt:
		return in.compareOp(">", a, b)
	case syntax.GtE:
		return in.compareOp(">=", a, b)
	case syntax.Is:
		return isSame(a, b), nil
	case syntax.IsNot:
		return !isSame(a, b), nil
	case syntax.In:
		return in.Contains(b, a)
	case syntax.NotIn:
		c, err := in.Contains(b, a)
		return !c, err
	}
	return false, nil
}

func isSame(a, b Value) bool {
	switch x := a.(type) {
	case NoneType:
		_, ok := b.(NoneType)
		return ok
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case int64:
		y, ok := b.(int64)
		return ok && x == y
	case string:
		y, ok := b.(string)
		return ok && x == y
	case float64:
		y, ok := b.(float64)
		return ok && x == y
	case Tuple:
		y, ok := b.(Tuple)
		return ok && len(x) == len(y) && (len(x) == 0 || &x[0] == &y[0])
	case NotImplementedType, EllipsisType:
		return a == b
	}
	return identical(a, b)
}

// Contains is Python's "x in container".
func (in *Interp) Contains(container, x Value) (bool, error) {
	if so, ok := container.(StrObject); ok {
		if _, isC := container.(Container); !isC {
			container = so.PyStr()
		}
	}
	switch c := container.(type) {
	case string:
		s, ok := strOf(x)
		if !ok {
			return false, in.TypeError("'in <string>' requires string as left operand, not %s", TypeName(x))
		}
		return strings.Contains(c, s), nil
	case *List:
		return in.seqContains(c.Items, x)
	case Tuple:
		return in.seqContains(c, x)
	case *Dict:
		_, ok, err := c.Get(x)
		return ok, err
	case *Set:
		return c.Has(x)
	case Range:
		i, ok := asInt(x)
		if !ok {
			return false, nil
		}
		if c.Step > 0 {
			return i >= c.Start && i < c.Stop && (i-c.Start)%c.Step == 0, nil
		}
		return i <= c.Start && i > c.Stop && (c.Start-i)%(-c.Step) == 0, nil
	case *Instance:
		if m, _, ok := c.Class.Lookup("__contains__"); ok {
			r, err := in.Call(m, []Value{c, x}, nil)
			if err != nil {
				return false, err
			}
			return in.Truth(r)
		}
		if h, ok := c.Host.(Container); ok {
			return h.Contains(in, x)
		}
	case Container:
		return c.Contains(in, x)
	}
	it, err := in.Iter(container)
	if err != nil {
		return false, in.TypeError("argument of type '%s' is not iterable", TypeName(container))
	}
	for {
		v, ok, err := it.Next(in)
		if err != nil || !ok {
			return false, err
		}
		eq, err := in.Equal(v, x)
		if err != nil || eq {
			return eq, err
		}
	}
}

func (in *Interp) seqContains(items []Value, x Value) (bool, error) {
	for _, it := range items {
		if isSame(it, x) {
			return true, nil
		}
		eq, err := in.Equal(it, x)
		if err != nil || eq {
			return eq, err
		}
	}
	return false, nil
}

func (in *Interp) unaryOp(op syntax.UnaryOperator, v Value) (Value, error) {
	switch op {
	case syntax.Not:
		t, err := in.Truth(v)
		return !t, err
	case syntax.USub:
		switch x := v.(type) {
		case bool, int64:
			i, _ := asInt(x)
			if i == math.MinInt64 {
				return nil, Errorf(OverflowErrorClass, "integer overflow")
			}
			return -i, nil
		case float64:
			return -x, nil
		}
	case syntax.UAdd:
		switch x := v.(type) {
		case bool, int64:
			i, _ := asInt(x)
			return i, nil
		case float64:
			return x, nil
		}
	case syntax.Invert:
		if i, ok := asInt(v); ok {
			return ^i, nil
		}
	}
	if x, ok := v.(*Instance); ok {
		name := map[syntax.UnaryOperator]string{syntax.USub: "__neg__", syntax.UAdd: "__pos__", syntax.Invert: "__invert__"}[op]
		if m, _, ok := x.Class.Lookup(name); ok {
			return in.Call(m, []Value{x}, nil)
		}
	}
	sym := map[syntax.UnaryOperator]string{syntax.USub: "-", syntax.UAdd: "+", syntax.Invert: "~"}[op]
	return nil, in.TypeError("bad operand type for unary %s: '%s'", sym, TypeName(v))
}

var opSymbols = map[syntax.Operator]string{
	syntax.Add: "+", syntax.Sub: "-", syntax.Mult: "*", syntax.MatMult: "@", syntax.Div: "/",
	syntax.Mod: "%", syntax.Pow: "**", syntax.LShift: "<<", syntax.RShift: ">>", syntax.BitOr: "|",
	syntax.BitXor: "^", syntax.BitAnd: "&", syntax.FloorDiv: "//",
}

var opMethods = map[syntax.Operator][2]string{
	syntax.Add: {"__add__", "__radd__"}, syntax.Sub: {"__sub__", "__rsub__"}, syntax.Mult: {"__mul__", "__rmul__"},
	syntax.Div: {"__truediv__", "__rtruediv__"}, syntax.Mod: {"__mod__", "__rmod__"}, syntax.Pow: {"__pow__", "__rpow__"},
	syntax.FloorDiv: {"__floordiv__", "__rfloordiv__"}, syntax.BitOr: {"__or__", "__ror__"}, syntax.BitAnd: {"__and__", "__rand__"},
	syntax.BitXor: {"__xor__", "__rxor__"}, syntax.LShift: {"__lshift__", "__rlshift__"}, syntax.RShift: {"__rshift__", "__rrshift__"},
}

// BinaryOperand lets host objects implement arithmetic. reflected is
// true for the right-hand operand. handled=false means NotImplemented.
type BinaryOperand interface {
	BinaryOp(in *Interp, op syntax.Operator, other Value, reflected bool) (Value, bool, error)
}

func (in *Interp) inplaceOp(op syntax.Operator, a, b Value) (Value, error) {
	switch x := a.(type) {
	case *List:
		if op == syntax.Add {
			items, err := in.ToList(b)
			if err != nil {
				return nil, err
			}
			x.Items = append(x.Items, items...)
			return x, nil
		}
	case *Set:
		if op == syntax.BitOr {
			members, err := in.ToList(b)
			if err != nil {
				return nil, err
			}
			for _, m := range members {
				if err := x.Add(m); err != nil {
					return nil, err
				}
			}
			return x, nil
		}
	case *Dict:
		if op == syntax.BitOr {
			return x, in.dictUpdate(x, b)
		}
	}
	return in.BinaryOp(op, a, b)
}

// BinaryOp applies a binary arithmetic operator.
func (in *Interp) BinaryOp(op syntax.Operator, a, b Value) (Value, error) {
	if so, ok := a.(StrObject); ok {
		if _, isB := a.(BinaryOperand); !isB {
			a = so.PyStr()
		}
	}
	if so, ok := b.(StrObject); ok {
		if _, isB := b.(BinaryOperand); !isB {
			b = so.PyStr()
		}
	}
	if ia, ok := asInt(a); ok {
		if ib, ok := asInt(b); ok {
			if v, ok, err := intOp(op, ia, ib); ok || err != nil {
				return v, err
			}
		}
	}
	if fa, ok := numeric(a); ok {
		if fb, ok := numeric(b); ok {
			if v, ok, err := floatOp(op, fa, fb); ok || err != nil {
				return v, err
			}
		}
	}
	switch x := a.(type) {
	case string:
		switch op {
		case syntax.Add:
			if y, ok := b.(string); ok {
				return x + y, nil
			}
		case syntax.Mult:
			if n, ok := asInt(b); ok {
				if n <= 0 {
					return "", nil
				}
				if n*int64(len(x)) > 1<<28 {
					return nil, Errorf(OverflowErrorClass, "string too large")
				}
				return strings.Repeat(x, int(n)), nil
			}
		case syntax.Mod:
			return in.percentFormat(x, b)
		}
	case *List:
		switch op {
		case syntax.Add:
			if y, ok := b.(*List); ok {
				items := make([]Value, 0, len(x.Items)+len(y.Items))
				return NewList(append(append(items, x.Items...), y.Items...)...), nil
			}
		case syntax.Mult:
			if n, ok := asInt(b); ok {
				var items []Value
				for i := int64(0); i < n; i++ {
					items = append(items, x.Items...)
				}
				return NewList(items...), nil
			}
		}
	case Tuple:
		switch op {
		case syntax.Add:
			if y, ok := b.(Tuple); ok {
				t := make(Tuple, 0, len(x)+len(y))
				return append(append(t, x...), y...), nil
			}
		case syntax.Mult:
			if n, ok := asInt(b); ok {
				var t Tuple
				for i := int64(0); i < n; i++ {
					t = append(t, x...)
				}
				return t, nil
			}
		}
	case *Dict:
		if op == syntax.BitOr {
			if y, ok := b.(*Dict); ok {
				d := x.Copy()
				return d, in.dictUpdate(d, y)
			}
		}
	case *Set:
		if y, ok := b.(*Set); ok {
			return setOp(in, op, x, y)
		}
	}
	if x, ok := a.(*Instance); ok {
		if m, _, ok := x.Class.Lookup(opMethods[op][0]); ok {
			r, err := in.Call(m, []Value{x, b}, nil)
			if err != nil || r != NotImplemented {
				return r, err
			}
		}
	} else if h, ok := a.(BinaryOperand); ok {
		if r, handled, err := h.BinaryOp(in, op, b, false); handled || err != nil {
			return r, err
		}
	}
	if y, ok := b.(*Instance); ok {
		if m, _, ok := y.Class.Lookup(opMethods[op][1]); ok {
			r, err := in.Call(m, []Value{y, a}, nil)
			if err != nil || r != NotImplemented {
				return r, err
			}
		}
	} else if h, ok := b.(BinaryOperand); ok {
		if r, handled, err := h.BinaryOp(in, op, a, true); handled || err != nil {
			return r, err
		}
	}
	if _, ok := a.(int64); ok && op == syntax.Mult {
		if _, isStr := b.(string); isStr {
			return in.BinaryOp(op, b, a)
		}
		if _, isList := b.(*List); isList {
			return in.BinaryOp(op, b, a)
		}
	}
	if op == syntax.Add {
		switch a.(type) {
		case string:
			return nil, in.TypeError("can only concatenate str (not \"%s\") to str", TypeName(b))
		case *List:
			return nil, in.TypeError("can only concatenate list (not \"%s\") to list", TypeName(b))
		case Tuple:
			return nil, in.TypeError("can only concatenate tuple (not \"%s\") to tuple", TypeName(b))
		}
	}
	return nil, in.TypeError("unsupported operand type(s) for %s: '%s' and '%s'", opSymbols[op], TypeName(a), TypeName(b))
}

func intOp(op syntax.Operator, a, b int64) (Value, bool, error) {
	overflow := Errorf(OverflowErrorClass, "integer overflow (conid evaluates Python ints as 64-bit)")
	switch op {
	case syntax.Add:
		r := a + b
		if (r > a) != (b > 0) {
			return nil, true, overflow
		}
		return r, true, nil
	case syntax.Sub:
		r := a - b
		if (r < a) != (b > 0) {
			return nil, true, overflow
		}
		return r, true, nil
	case syntax.Mult:
		hi, lo := bits.Mul64(uint64(abs64(a)), uint64(abs64(b)))
		if hi != 0 || lo > math.MaxInt64 {
			return nil, true, overflow
		}
		return a * b, true, nil
	case syntax.FloorDiv, syntax.Mod:
		if b == 0 {
			if op == syntax.Mod {
				return nil, true, Errorf(ZeroDivisionErrorClass, "integer modulo by zero")
			}
			return nil, true, Errorf(ZeroDivisionErrorClass, "integer division or modulo by zero")
		}
		q, r := a/b, a%b
		if r != 0 && (r < 0) != (b < 0) {
			q--
			r += b
		}
		if op == syntax.Mod {
			return r, true, nil
		}
		return q, true, nil
	case syntax.Pow:
		if b < 0 {
			return math.Pow(float64(a), float64(b)), true, nil
		}
		r := int64(1)
		for i := int64(0); i < b; i++ {
			n := r * a
			if a != 0 && n/a != r {
				return nil, true, overflow
			}
			r = n
		}
		return r, true, nil
	case syntax.BitAnd:
		return a & b, true, nil
	case syntax.BitOr:
		return a | b, true, nil
	case syntax.BitXor:
		return a ^ b, true, nil
	case syntax.LShift:
		if b < 0 {
			return nil, true, Errorf(ValueErrorClass, "negative shift count")
		}
		if b >= 63 || a<<b>>b != a {
			return nil, true, overflow
		}
		return a << b, true, nil
	case syntax.RShift:
		if b < 0 {
			return nil, true, Errorf(ValueErrorClass, "negative shift count")
		}
		if b > 63 {
			b = 63
		}
		return a >> b, true, nil
	case syntax.Div:
		if b == 0 {
			return nil, true, Errorf(ZeroDivisionErrorClass, "division by zero")
		}
		return float64(a) / float64(b), true, nil
	}
	return nil, false, nil
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

func floatOp(op syntax.Operator, a, b float64) (Value, bool, error) {
	switch op {
	case syntax.Add:
		return a + b, true, nil
	case syntax.Sub:
		return a - b, true, nil
	case syntax.Mult:
		return a * b, true, nil
	case syntax.Div:
		if b == 0 {
			return nil, true, Errorf(ZeroDivisionErrorClass, "float division by zero")
		}
		return a / b, true, nil
	case syntax.FloorDiv:
		if b == 0 {
			return nil, true, Errorf(ZeroDivisionErrorClass, "float floor division by zero")
		}
		return math.Floor(a / b), true, nil
	case syntax.Mod:
		if b == 0 {
			return nil, true, Errorf(ZeroDivisionErrorClass, "float modulo")
		}
		r := math.Mod(a, b)
		if r != 0 && (r < 0) != (b < 0) {
			r += b
		}
		return r, true, nil
	case syntax.Pow:
		return math.Pow(a, b), true, nil
	}
	return nil, false, nil
}

func setOp(in *Interp, op syntax.Operator, a, b *Set) (Value, error) {
	out := &Set{Frozen: a.Frozen}
	switch op {
	case syntax.BitOr:
		for _, m := range a.Members() {
			out.Add(m)
		}
		for _, m := range b.Members() {
			out.Add(m)
		}
	case syntax.BitAnd:
		for _, m := range a.Members() {
			if has, _ := b.Has(m); has {
				out.Add(m)
			}
		}
	case syntax.Sub:
		for _, m := range a.Members() {
			if has, _ := b.Has(m); !has {
				out.Add(m)
			}
		}
	case syntax.BitXor:
		for _, m := range a.Members() {
			if has, _ := b.Has(m); !has {
				out.Add(m)
			}
		}
		for _, m := range b.Members() {
			if has, _ := a.Has(m); !has {
				out.Add(m)
			}
		}
	default:
		return nil, in.TypeError("unsupported operand type(s) for %s: 'set' and 'set'", opSymbols[op])
	}
	return out, nil
}

// ---- items ----

// GetItem is obj[key].
func (in *Interp) GetItem(obj, key Value) (Value, error) {
	if so, ok := obj.(StrObject); ok {
		if _, isG := obj.(ItemGetter); !isG {
			obj = so.PyStr()
		}
	}
	switch o := obj.(type) {
	case *List:
		return in.seqItem("list", o.Items, key, func(items []Value) Value { return NewList(items...) })
	case Tuple:
		return in.seqItem("tuple", o, key, func(items []Value) Value { return Tuple(items) })
	case string:
		if s, ok := key.(*Slice); ok {
			runes := []rune(o)
			idx, err := in.sliceIndices(s, len(runes))
			if err != nil {
				return nil, err
			}
			var b strings.Builder
			for _, i := range idx {
				b.WriteRune(runes[i])
			}
			return b.String(), nil
		}
		i, ok := asInt(key)
		if !ok {
			return nil, in.TypeError("string indices must be integers")
		}
		runes := []rune(o)
		if i < 0 {
			i += int64(len(runes))
		}
		if i < 0 || i >= int64(len(runes)) {
			return nil, Errorf(IndexErrorClass, "string index out of range")
		}
		return string(runes[i]), nil
	case *Dict:
		v, ok, err := o.Get(key)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, NewException(KeyErrorClass, key)
		}
		return v, nil
	case Range:
		i, ok := asInt(key)
		if !ok {
			return nil, in.TypeError("range indices must be integers")
		}
		n := o.Len()
		if i < 0 {
			i += n
		}
		if i < 0 || i >= n {
			return nil, Errorf(IndexErrorClass, "range object index out of range")
		}
		return o.Start + i*o.Step, nil
	case *Instance:
		if m, _, ok := o.Class.Lookup("__getitem__"); ok {
			return in.Call(m, []Value{o, key}, nil)
		}
		if g, ok := o.Host.(ItemGetter); ok {
			return g.GetItem(in, key)
		}
	case *Class:
		// typing generics like List[str] in annotations of defaults
		return o, nil
	case ItemGetter:
		return o.GetItem(in, key)
	}
	return nil, in.TypeError("'%s' object is not subscriptable", TypeName(obj))
}

func (in *Interp) seqItem(kind string, items []Value, key Value, mk func([]Value) Value) (Value, error) {
	if s, ok := key.(*Slice); ok {
		idx, err := in.sliceIndices(s, len(items))
		if err != nil {
			return nil, err
		}
		out := make([]Value, len(idx))
		for j, i := range idx {
			out[j] = items[i]
		}
		return mk(out), nil
	}
	i, ok := asInt(key)
	if !ok {
		return nil, in.TypeError("%s indices must be integers or slices, not %s", kind, TypeName(key))
	}
	if i < 0 {
		i += int64(len(items))
	}
	if i < 0 || i >= int64(len(items)) {
		return nil, Errorf(IndexErrorClass, "%s index out of range", kind)
	}
	return items[i], nil
}

func (in *Interp) sliceIndices(s *Slice, n int) ([]int, error) {
	step := int64(1)
	if s.Step != None {
		st, ok := asInt(s.Step)
		if !ok {
			return nil, in.TypeError("slice indices must be integers or None")
		}
		if st == 0 {
			return nil, Errorf(ValueErrorClass, "slice step cannot be zero")
		}
		step = st
	}
	ln := int64(n)
	var start, stop int64
	bound := func(v Value, def int64) (int64, error) {
		if v == None {
			return def, nil
		}
		i, ok := asInt(v)
		if !ok {
			return 0, in.TypeError("slice indices must be integers or None or have an __index__ method")
		}
		if i < 0 {
			i += ln
			if i < 0 {
				if step < 0 {
					i = -1
				} else {
					i = 0
				}
			}
		} else if i >= ln {
			if step < 0 {
				i = ln - 1
			} else {
				i = ln
			}
		}
		return i, nil
	}
	var err error
	if step > 0 {
		if start, err = bound(s.Start, 0); err != nil {
			return nil, err
		}
		if stop, err = bound(s.Stop, ln); err != nil {
			return nil, err
		}
	} else {
		if start, err = bound(s.Start, ln-1); err != nil {
			return nil, err
		}
		if stop, err = bound(s.Stop, -1); err != nil {
			return nil, err
		}
	}
	var out []int
	if step > 0 {
		for i := start; i < stop; i += step {
			out = append(out, int(i))
		}
	} else {
		for i := start; i > stop; i += step {
			out = append(out, int(i))
		}
	}
	return out, nil
}

// SetItem is obj[key] = v.
func (in *Interp) SetItem(obj, key, v Value) error {
	switch o := obj.(type) {
	case *List:
		if s, ok := key.(*Slice); ok {
			items, err := in.ToList(v)
			if err != nil {
				return err
			}
			if s.Step != None {
				return in.TypeError("extended slice assignment is not supported")
			}
			idx, err := in.sliceIndices(&Slice{Start: s.Start, Stop: s.Stop, Step: None}, len(o.Items))
			if err != nil {
				return err
			}
			lo, hi := 0, 0
			if len(idx) > 0 {
				lo, hi = idx[0], idx[len(idx)-1]+1
			} else {
				st, _ := in.sliceIndices(&Slice{Start: s.Start, Stop: None, Step: None}, len(o.Items))
				lo = len(o.Items)
				if len(st) > 0 {
					lo = st[0]
				}
				hi = lo
			}
			n := append([]Value(nil), o.Items[:lo]...)
			n = append(n, items...)
			o.Items = append(n, o.Items[hi:]...)
			return nil
		}
		i, ok := asInt(key)
		if !ok {
			return in.TypeError("list indices must be integers or slices, not %s", TypeName(key))
		}
		if i < 0 {
			i += int64(len(o.Items))
		}
		if i < 0 || i >= int64(len(o.Items)) {
			return Errorf(IndexErrorClass, "list assignment index out of range")
		}
		o.Items[i] = v
		return nil
	case *Dict:
		return o.Set(key, v)
	case *Instance:
		if m, _, ok := o.Class.Lookup("__setitem__"); ok {
			_, err := in.Call(m, []Value{o, key, v}, nil)
			return err
		}
		if s, ok := o.Host.(ItemSetter); ok {
			return s.SetItem(in, key, v)
		}
	case ItemSetter:
		return o.SetItem(in, key, v)
	}
	return in.TypeError("'%s' object does not support item assignment", TypeName(obj))
}

// DelItem is del obj[key].
func (in *Interp) DelItem(obj, key Value) error {
	switch o := obj.(type) {
	case *List:
		if s, ok := key.(*Slice); ok {
			idx, err := in.sliceIndices(s, len(o.Items))
			if err != nil {
				return err
			}
			drop := map[int]bool{}
			for _, i := range idx {
				drop[i] = true
			}
			var keep []Value
			for i, x := range o.Items {
				if !drop[i] {
					keep = append(keep, x)
				}
			}
			o.Items = keep
			return nil
		}
		i, ok := asInt(key)
		if !ok {
			return in.TypeError("list indices must be integers or slices, not %s", TypeName(key))
		}
		if i < 0 {
			i += int64(len(o.Items))
		}
		if i < 0 || i >= int64(len(o.Items)) {
			return Errorf(IndexErrorClass, "list assignment index out of range")
		}
		o.Items = append(o.Items[:i:i], o.Items[i+1:]...)
		return nil
	case *Dict:
		ok, err := o.Delete(key)
		if err != nil {
			return err
		}
		if !ok {
			return NewException(KeyErrorClass, key)
		}
		return nil
	case *Instance:
		if m, _, ok := o.Class.Lookup("__delitem__"); ok {
			_, err := in.Call(m, []Value{o, key}, nil)
			return err
		}
		if d, ok := o.Host.(ItemDeleter); ok {
			return d.DelItem(in, key)
		}
	case ItemDeleter:
		return o.DelItem(in, key)
	}
	return in.TypeError("'%s' object doesn't support item deletion", TypeName(obj))
}

// ---- iteration ----

type sliceIter struct {
	items []Value
	i     int
}

func (it *sliceIter) Next(in *Interp) (Value, bool, error) {
	if it.i >= len(it.items) {
		return nil, false, nil
	}
	v := it.items[it.i]
	it.i++
	return v, true, nil
}

type listIter struct {
	l *List
	i int
}

func (it *listIter) Next(in *Interp) (Value, bool, error) {
	if it.i >= len(it.l.Items) {
		return nil, false, nil
	}
	v := it.l.Items[it.i]
	it.i++
	return v, true, nil
}

type rangeIter struct {
	r Range
	i int64
}

func (it *rangeIter) Next(in *Interp) (Value, bool, error) {
	if it.i >= it.r.Len() {
		return nil, false, nil
	}
	v := it.r.Start + it.i*it.r.Step
	it.i++
	return v, true, nil
}

type funcIter struct {
	next func() (Value, bool, error)
}

func (it *funcIter) Next(in *Interp) (Value, bool, error) { return it.next() }

// Iter is Python's iter(v).
func (in *Interp) Iter(v Value) (Iterator, error) {
	if so, ok := v.(StrObject); ok {
		if _, isI := v.(Iterable); !isI {
			v = so.PyStr()
		}
	}
	switch x := v.(type) {
	case *List:
		return &listIter{l: x}, nil
	case Tuple:
		return &sliceIter{items: x}, nil
	case string:
		runes := []rune(x)
		items := make([]Value, len(runes))
		for i, r := range runes {
			items[i] = string(r)
		}
		return &sliceIter{items: items}, nil
	case *Dict:
		return &dictIter{m: &x.d, n: x.d.n}, nil
	case *Set:
		return &sliceIter{items: x.Members()}, nil
	case Range:
		return &rangeIter{r: x}, nil
	case Iterator:
		return x, nil
	case *Instance:
		if m, _, ok := x.Class.Lookup("__iter__"); ok {
			r, err := in.Call(m, []Value{x}, nil)
			if err != nil {
				return nil, err
			}
			return in.Iter(r)
		}
		if m, _, ok := x.Class.Lookup("__next__"); ok {
			return &funcIter{next: func() (Value, bool, error) {
				v, err := in.Call(m, []Value{x}, nil)
				if e, ok := err.(*Exception); ok && e.IsInstance(StopIterationClass) {
					return nil, false, nil
				}
				return v, err == nil, err
			}}, nil
		}
		if it, ok := x.Host.(Iterable); ok {
			return it.Iter(in)
		}
	case Iterable:
		return x.Iter(in)
	}
	return nil, in.TypeError("'%s' object is not iterable", TypeName(v))
}

// ToList collects an iterable into a Go slice.
func (in *Interp) ToList(v Value) ([]Value, error) {
	switch x := v.(type) {
	case *List:
		return append([]Value(nil), x.Items...), nil
	case Tuple:
		return append([]Value(nil), x...), nil
	}
	it, err := in.Iter(v)
	if err != nil {
		return nil, err
	}
	var out []Value
	for {
		e, ok, err := it.Next(in)
		if err != nil {
			return nil, err
		}
		if !ok {
			return out, nil
		}
		out = append(out, e)
		if len(out) > 10_000_000 {
			return nil, Errorf(OverflowErrorClass, "sequence too long")
		}
	}
}

// Len is Python's len(v).
func (in *Interp) Len(v Value) (int64, error) {
	if so, ok := v.(StrObject); ok {
		v = so.PyStr()
	}
	switch x := v.(type) {
	case string:
		return int64(len([]rune(x))), nil
	case *List:
		return int64(len(x.Items)), nil
	case Tuple:
		return int64(len(x)), nil
	case *Dict:
		return int64(x.Len()), nil
	case *Set:
		return int64(x.Len()), nil
	case Range:
		return x.Len(), nil
	case *Instance:
		if m, _, ok := x.Class.Lookup("__len__"); ok {
			r, err := in.Call(m, []Value{x}, nil)
			if err != nil {
				return 0, err
			}
			n, ok := asInt(r)
			if !ok {
				return 0, in.TypeError("'%s' object cannot be interpreted as an integer", TypeName(r))
			}
			return n, nil
		}
		if l, ok := x.Host.(Lener); ok {
			return int64(l.Len()), nil
		}
	case Lener:
		return int64(x.Len()), nil
	}
	return 0, in.TypeError("object of type '%s' has no len()", TypeName(v))
}

// sortValues sorts in place with Python's < (stable), optionally by key.
func (in *Interp) sortValues(items []Value, key Value, reverse bool) error {
	keys := items
	if key != nil && key != None {
		keys = make([]Value, len(items))
		for i, it := range items {
			k, err := in.Call(key, []Value{it}, nil)
			if err != nil {
				return err
			}
			keys[i] = k
		}
	}
	idx := make([]int, len(items))
	for i := range idx {
		idx[i] = i
	}
	var sortErr error
	sort.SliceStable(idx, func(a, b int) bool {
		if sortErr != nil {
			return false
		}
		ka, kb := keys[idx[a]], keys[idx[b]]
		if reverse {
			ka, kb = kb, ka
		}
		l, err := in.Less(ka, kb)
		if err != nil {
			sortErr = err
		}
		return l
	})
	if sortErr != nil {
		return sortErr
	}
	out := make([]Value, len(items))
	for i, j := range idx {
		out[i] = items[j]
	}
	copy(items, out)
	return nil
}

func (in *Interp) dictUpdate(d *Dict, src Value) error {
	switch s := src.(type) {
	case *Dict:
		keys, vals := s.Items()
		for i, k := range keys {
			if err := d.Set(k, vals[i]); err != nil {
				return err
			}
		}
		return nil
	case *Instance, AttrGetter:
		if ks, ok, _ := in.GetAttrOpt(src, "keys"); ok {
			kv, err := in.Call(ks, nil, nil)
			if err != nil {
				return err
			}
			keys, err := in.ToList(kv)
			if err != nil {
				return err
			}
			for _, k := range keys {
				v, err := in.GetItem(src, k)
				if err != nil {
					return err
				}
				if err := d.Set(k, v); err != nil {
					return err
				}
			}
			return nil
		}
	}
	items, err := in.ToList(src)
	if err != nil {
		return err
	}
	for _, it := range items {
		pair, err := in.ToList(it)
		if err != nil {
			return err
		}
		if len(pair) != 2 {
			return Errorf(ValueErrorClass, "dictionary update sequence element has length %d; 2 is required", len(pair))
		}
		if err := d.Set(pair[0], pair[1]); err != nil {
			return err
		}
	}
	return nil
}
