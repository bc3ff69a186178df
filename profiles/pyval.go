package profiles

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"
)

// PyValue is a Python value, as Conan stores a [conf] value after
// evaluating it with Python's eval(). Conan writes it back with str(), so
// String follows Python's str() and Repr Python's repr() exactly.
//
// The concrete types are the Py* types of this package, plus builtin
// classes and functions (`user.x:y=len` holds the function len, whose
// TypeName is "builtin_function_or_method" and whose String is
// "<built-in function len>").
type PyValue interface {
	// Repr is Python's repr(value).
	Repr() string
	// String is Python's str(value).
	String() string
	// TypeName is the name of the Python type: "str", "int", "float",
	// "bool", "NoneType", "bytes", "list", "tuple", "dict", "ellipsis".
	TypeName() string
}

// PyStr is a Python str. Conan wraps a value that evaluates to a string
// in double quotes, so `user.x:y='a'` holds PyStr(`"a"`).
type PyStr string

// PyInt is a Python int (arbitrary precision). V is never nil.
type PyInt struct{ V *big.Int }

// PyFloat is a Python float.
type PyFloat float64

// PyBool is a Python bool.
type PyBool bool

// PyNone is Python's None.
type PyNone struct{}

// PyBytes is a Python bytes value (the bytes are held in a Go string).
type PyBytes string

// PyList is a Python list.
type PyList []PyValue

// PyTuple is a Python tuple.
type PyTuple []PyValue

// PyDict is a Python dict; items are in insertion order and keys are
// unique by Python's equality (1, 1.0 and True are the same key).
type PyDict []PyDictItem

// PyDictItem is one key: value pair of a PyDict.
type PyDictItem struct{ Key, Value PyValue }

// PyEllipsis is Python's Ellipsis (`...`).
type PyEllipsis struct{}

func (v PyStr) Repr() string       { return pyStrRepr(string(v)) }
func (v PyStr) String() string     { return string(v) }
func (v PyStr) TypeName() string   { return "str" }
func (v PyInt) Repr() string       { return v.V.String() }
func (v PyInt) String() string     { return v.V.String() }
func (v PyInt) TypeName() string   { return "int" }
func (v PyFloat) Repr() string     { return pyFloatRepr(float64(v)) }
func (v PyFloat) String() string   { return pyFloatRepr(float64(v)) }
func (v PyFloat) TypeName() string { return "float" }
func (v PyBool) Repr() string {
	if v {
		return "True"
	}
	return "False"
}
func (v PyBool) String() string     { return v.Repr() }
func (v PyBool) TypeName() string   { return "bool" }
func (PyNone) Repr() string         { return "None" }
func (PyNone) String() string       { return "None" }
func (PyNone) TypeName() string     { return "NoneType" }
func (v PyBytes) Repr() string      { return pyBytesRepr(string(v)) }
func (v PyBytes) String() string    { return pyBytesRepr(string(v)) }
func (v PyBytes) TypeName() string  { return "bytes" }
func (PyEllipsis) Repr() string     { return "Ellipsis" }
func (PyEllipsis) String() string   { return "Ellipsis" }
func (PyEllipsis) TypeName() string { return "ellipsis" }

func (v PyList) Repr() string     { return "[" + joinRepr(v) + "]" }
func (v PyList) String() string   { return v.Repr() }
func (v PyList) TypeName() string { return "list" }

func (v PyTuple) Repr() string {
	if len(v) == 1 {
		return "(" + v[0].Repr() + ",)"
	}
	return "(" + joinRepr(v) + ")"
}
func (v PyTuple) String() string   { return v.Repr() }
func (v PyTuple) TypeName() string { return "tuple" }

func (v PyDict) Repr() string {
	parts := make([]string, len(v))
	for i, it := range v {
		parts[i] = it.Key.Repr() + ": " + it.Value.Repr()
	}
	return "{" + strings.Join(parts, ", ") + "}"
}
func (v PyDict) String() string   { return v.Repr() }
func (v PyDict) TypeName() string { return "dict" }

func joinRepr(items []PyValue) string {
	parts := make([]string, len(items))
	for i, it := range items {
		parts[i] = it.Repr()
	}
	return strings.Join(parts, ", ")
}

// confPlaceholder is Conan's _ConfVarPlaceHolder: the position of the
// previous value inside a list built by `+=` or `=+`. It never appears in
// values handed out by this package.
type confPlaceholder struct{}

func (confPlaceholder) Repr() string     { return "<class 'conans.model.conf._ConfVarPlaceHolder'>" }
func (confPlaceholder) String() string   { return confPlaceholder{}.Repr() }
func (confPlaceholder) TypeName() string { return "type" }

// pyStrRepr is Python 3's repr() of a str.
func pyStrRepr(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.WriteByte(quote)
	for _, r := range s {
		switch {
		case r == rune(quote) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < ' ' || r == 0x7f:
			b.WriteString(`\x`)
			b.WriteString(hex2(int(r)))
		case r < 0x7f:
			b.WriteRune(r)
		case unicode.IsPrint(r):
			b.WriteRune(r)
		case r <= 0xff:
			b.WriteString(`\x` + hex2(int(r)))
		case r <= 0xffff:
			b.WriteString(`\u` + hexN(int(r), 4))
		default:
			b.WriteString(`\U` + hexN(int(r), 8))
		}
	}
	b.WriteByte(quote)
	return b.String()
}

// pyBytesRepr is Python 3's repr() of a bytes value.
func pyBytesRepr(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.WriteString("b")
	b.WriteByte(quote)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == quote || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c < ' ' || c >= 0x7f:
			b.WriteString(`\x` + hex2(int(c)))
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

func hex2(v int) string { return hexN(v, 2) }

func hexN(v, n int) string {
	s := strconv.FormatInt(int64(v), 16)
	for len(s) < n {
		s = "0" + s
	}
	return s
}

// pyFloatRepr is Python 3's repr() of a float: the shortest string that
// round-trips, in positional notation when the decimal exponent is in
// [-4, 16), in scientific notation otherwise.
func pyFloatRepr(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case f == 0:
		if math.Signbit(f) {
			return "-0.0"
		}
		return "0.0"
	}
	sign := ""
	if f < 0 {
		sign = "-"
		f = -f
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // d.ddddde±XX
	mant, expText, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(expText)
	digits := strings.Replace(mant, ".", "", 1)
	decpt := exp + 1
	if decpt <= -4 || decpt > 16 {
		s := digits[:1]
		if len(digits) > 1 {
			s += "." + digits[1:]
		}
		es := "+"
		if exp < 0 {
			es = "-"
			exp = -exp
		}
		ed := strconv.Itoa(exp)
		if len(ed) < 2 {
			ed = "0" + ed
		}
		return sign + s + "e" + es + ed
	}
	switch {
	case decpt <= 0:
		return sign + "0." + strings.Repeat("0", -decpt) + digits
	case decpt >= len(digits):
		return sign + digits + strings.Repeat("0", decpt-len(digits)) + ".0"
	default:
		return sign + digits[:decpt] + "." + digits[decpt:]
	}
}

// ---- Python semantics helpers used by the evaluator ----

// pyTruth is Python's bool(value) for the supported types.
func pyTruth(v PyValue) bool {
	switch v := v.(type) {
	case PyNone:
		return false
	case PyBool:
		return bool(v)
	case PyInt:
		return v.V.Sign() != 0
	case PyFloat:
		return v != 0
	case PyStr:
		return v != ""
	case PyBytes:
		return v != ""
	case PyList:
		return len(v) > 0
	case PyTuple:
		return len(v) > 0
	case PyDict:
		return len(v) > 0
	}
	return true
}

// asNumber returns v as an exact rational when it is an int, a bool or a
// finite float. isFloat tells whether it was a float.
func asNumber(v PyValue) (r *big.Rat, isFloat, ok bool) {
	switch v := v.(type) {
	case PyBool:
		if v {
			return big.NewRat(1, 1), false, true
		}
		return new(big.Rat), false, true
	case PyInt:
		return new(big.Rat).SetInt(v.V), false, true
	case PyFloat:
		f := float64(v)
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return nil, true, false
		}
		return new(big.Rat).SetFloat64(f), true, true
	}
	return nil, false, false
}

func isNumeric(v PyValue) bool {
	switch v.(type) {
	case PyBool, PyInt, PyFloat:
		return true
	}
	return false
}

// pyEqual is Python's == for the supported types. ok is false when the
// comparison involves a value whose equality conid does not model.
func pyEqual(a, b PyValue) (eq, ok bool) {
	oa, aOpaque := a.(*pyOpaque)
	ob, bOpaque := b.(*pyOpaque)
	if aOpaque || bOpaque {
		// builtin classes and functions compare by identity
		if (aOpaque && oa.repr == "") || (bOpaque && ob.repr == "") {
			return false, false
		}
		return aOpaque && bOpaque && oa.repr == ob.repr, true
	}
	if isNumeric(a) && isNumeric(b) {
		fa, aIsF := a.(PyFloat)
		fb, bIsF := b.(PyFloat)
		if aIsF && bIsF {
			return fa == fb, true
		}
		ra, _, okA := asNumber(a)
		rb, _, okB := asNumber(b)
		if !okA || !okB { // inf or nan against an int
			return false, true
		}
		return ra.Cmp(rb) == 0, true
	}
	switch a := a.(type) {
	case PyStr:
		b, isStr := b.(PyStr)
		return isStr && a == b, true
	case PyBytes:
		b, isBytes := b.(PyBytes)
		return isBytes && a == b, true
	case PyNone:
		_, isNone := b.(PyNone)
		return isNone, true
	case PyEllipsis:
		_, isE := b.(PyEllipsis)
		return isE, true
	case PyList:
		bl, isList := b.(PyList)
		if !isList {
			return false, isModelled(b)
		}
		return seqEqual(a, bl)
	case PyTuple:
		bt, isTuple := b.(PyTuple)
		if !isTuple {
			return false, isModelled(b)
		}
		return seqEqual(a, bt)
	case PyDict:
		bd, isDict := b.(PyDict)
		if !isDict {
			return false, isModelled(b)
		}
		if len(a) != len(bd) {
			return false, true
		}
		for _, it := range a {
			j, ok := dictFind(bd, it.Key)
			if !ok {
				return false, false
			}
			if j < 0 {
				return false, true
			}
			eq, ok := pyEqual(it.Value, bd[j].Value)
			if !ok || !eq {
				return false, ok
			}
		}
		return true, true
	}
	if isNumeric(a) {
		return false, isModelled(b)
	}
	return false, false
}

func isModelled(v PyValue) bool {
	if o, isO := v.(*pyOpaque); isO {
		return o.repr != ""
	}
	switch v.(type) {
	case PyStr, PyBytes, PyNone, PyEllipsis, PyList, PyTuple, PyDict, PyBool, PyInt, PyFloat:
		return true
	}
	return false
}

func seqEqual(a, b []PyValue) (bool, bool) {
	if len(a) != len(b) {
		return false, true
	}
	for i := range a {
		eq, ok := pyEqual(a[i], b[i])
		if !ok || !eq {
			return false, ok
		}
	}
	return true, true
}

// hashable reports whether v can be a dict key (Python's hash() works).
func hashable(v PyValue) bool {
	switch v := v.(type) {
	case PyStr, PyBytes, PyNone, PyEllipsis, PyBool, PyInt, PyFloat:
		return true
	case *pyOpaque:
		return v.repr != ""
	case PyTuple:
		for _, e := range v {
			if !hashable(e) {
				return false
			}
		}
		return true
	}
	return false
}

// dictFind returns the index of key in d, -1 when absent. ok is false
// when equality could not be decided.
func dictFind(d PyDict, key PyValue) (int, bool) {
	for i, it := range d {
		eq, ok := pyEqual(it.Key, key)
		if !ok {
			return -1, false
		}
		if eq {
			return i, true
		}
	}
	return -1, true
}
