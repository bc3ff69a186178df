package python

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Format is Python's format(v, spec) for the format mini-language.
func (in *Interp) Format(v Value, spec string) (string, error) {
	if x, ok := v.(*Instance); ok {
		if m, owner, ok := x.Class.Lookup("__format__"); ok && owner != ObjectClass {
			r, err := in.Call(m, []Value{x, spec}, nil)
			if err != nil {
				return "", err
			}
			s, _ := r.(string)
			return s, nil
		}
	}
	if so, ok := v.(StrObject); ok {
		v = so.PyStr()
	}
	if spec == "" {
		return in.Str(v)
	}
	fs, err := parseSpec(spec)
	if err != nil {
		return "", err
	}
	var body string
	numeric := false
	switch x := v.(type) {
	case string:
		if fs.typ != 0 && fs.typ != 's' {
			return "", Errorf(ValueErrorClass, "Unknown format code '%c' for object of type 'str'", fs.typ)
		}
		body = x
		if fs.prec >= 0 && utf8.RuneCountInString(body) > fs.prec {
			body = string([]rune(body)[:fs.prec])
		}
	case bool, int64:
		numeric = true
		i, _ := asInt(x)
		if _, isBool := x.(bool); isBool && fs.typ == 0 {
			s, _ := in.Str(x)
			body = s
			numeric = false
			break
		}
		switch fs.typ {
		case 0, 'd', 'n':
			body = strconv.FormatInt(abs64(i), 10)
		case 'x':
			body = strconv.FormatInt(abs64(i), 16)
		case 'X':
			body = strings.ToUpper(strconv.FormatInt(abs64(i), 16))
		case 'o':
			body = strconv.FormatInt(abs64(i), 8)
		case 'b':
			body = strconv.FormatInt(abs64(i), 2)
		case 'c':
			body = string(rune(i))
		case 'e', 'E', 'f', 'F', 'g', 'G', '%':
			return in.formatFloat(float64(i), fs)
		default:
			return "", Errorf(ValueErrorClass, "Unknown format code '%c' for object of type 'int'", fs.typ)
		}
		if fs.alt {
			switch fs.typ {
			case 'x', 'X':
				body = "0" + string(fs.typ) + body
			case 'o':
				body = "0o" + body
			case 'b':
				body = "0b" + body
			}
		}
		if fs.comma {
			body = groupDigits(body, ",")
		} else if fs.under {
			body = groupDigits(body, "_")
		}
		body = signed(i < 0, fs.sign) + body
	case float64:
		return in.formatFloat(x, fs)
	default:
		// object.__format__ takes no format spec: None, containers and
		// objects without a __format__ of their own.
		return "", in.TypeError("unsupported format string passed to %s.__format__", TypeName(v))
	}
	return pad(body, fs, numeric), nil
}

type fmtSpec struct {
	fill         rune
	align        byte
	sign         byte
	alt, zero    bool
	width, prec  int
	comma, under bool
	typ          byte
}

func parseSpec(spec string) (fmtSpec, error) {
	fs := fmtSpec{fill: ' ', prec: -1}
	r := []rune(spec)
	i := 0
	isAlign := func(c rune) bool { return c == '<' || c == '>' || c == '^' || c == '=' }
	if len(r) >= 2 && isAlign(r[1]) {
		fs.fill, fs.align = r[0], byte(r[1])
		i = 2
	} else if len(r) >= 1 && isAlign(r[0]) {
		fs.align = byte(r[0])
		i = 1
	}
	if i < len(r) && (r[i] == '+' || r[i] == '-' || r[i] == ' ') {
		fs.sign = byte(r[i])
		i++
	}
	if i < len(r) && r[i] == '#' {
		fs.alt = true
		i++
	}
	if i < len(r) && r[i] == '0' {
		fs.zero = true
		i++
	}
	start := i
	for i < len(r) && r[i] >= '0' && r[i] <= '9' {
		i++
	}
	if i > start {
		fs.width, _ = strconv.Atoi(string(r[start:i]))
	}
	if i < len(r) && r[i] == ',' {
		fs.comma = true
		i++
	} else if i < len(r) && r[i] == '_' {
		fs.under = true
		i++
	}
	if i < len(r) && r[i] == '.' {
		i++
		start = i
		for i < len(r) && r[i] >= '0' && r[i] <= '9' {
			i++
		}
		if i == start {
			return fs, Errorf(ValueErrorClass, "Format specifier missing precision")
		}
		fs.prec, _ = strconv.Atoi(string(r[start:i]))
	}
	if i < len(r) {
		fs.typ = byte(r[i])
		i++
	}
	if i != len(r) {
		return fs, Errorf(ValueErrorClass, "Invalid format specifier")
	}
	return fs, nil
}

func signed(neg bool, sign byte) string {
	switch {
	case neg:
		return "-"
	case sign == '+':
		return "+"
	case sign == ' ':
		return " "
	}
	return ""
}

func groupDigits(s, sep string) string {
	n := len(s)
	if n <= 3 {
		return s
	}
	var b strings.Builder
	first := n % 3
	if first > 0 {
		b.WriteString(s[:first])
	}
	for i := first; i < n; i += 3 {
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

func pad(body string, fs fmtSpec, numeric bool) string {
	n := utf8.RuneCountInString(body)
	if fs.width <= n {
		return body
	}
	total := fs.width - n
	align := fs.align
	fill := string(fs.fill)
	if align == 0 {
		if fs.zero && numeric {
			align, fill = '=', "0"
		} else if numeric {
			align = '>'
		} else {
			align = '<'
		}
	}
	switch align {
	case '<':
		return body + strings.Repeat(fill, total)
	case '>':
		return strings.Repeat(fill, total) + body
	case '^':
		left := total / 2
		return strings.Repeat(fill, left) + body + strings.Repeat(fill, total-left)
	case '=':
		sign := ""
		if len(body) > 0 && (body[0] == '-' || body[0] == '+' || body[0] == ' ') {
			sign, body = body[:1], body[1:]
		}
		return sign + strings.Repeat(fill, total) + body
	}
	return body
}

func (in *Interp) formatFloat(f float64, fs fmtSpec) (string, error) {
	prec := fs.prec
	var body string
	neg := math.Signbit(f) && !math.IsNaN(f)
	a := math.Abs(f)
	switch fs.typ {
	case 0:
		if prec < 0 {
			body = pyFloat(a)
		} else {
			body = strconv.FormatFloat(a, 'g', max(prec, 1), 64)
			if !strings.ContainsAny(body, ".e") {
				body += ".0"
			}
		}
	case 'f', 'F':
		if prec < 0 {
			prec = 6
		}
		body = strconv.FormatFloat(a, 'f', prec, 64)
	case 'e', 'E':
		if prec < 0 {
			prec = 6
		}
		body = pyExp(strconv.FormatFloat(a, 'e', prec, 64))
		if fs.typ == 'E' {
			body = strings.ToUpper(body)
		}
	case 'g', 'G':
		if prec < 0 {
			prec = 6
		}
		if prec == 0 {
			prec = 1
		}
		body = pyExp(strconv.FormatFloat(a, 'g', prec, 64))
		if fs.typ == 'G' {
			body = strings.ToUpper(body)
		}
	case '%':
		if prec < 0 {
			prec = 6
		}
		body = strconv.FormatFloat(a*100, 'f', prec, 64) + "%"
	default:
		return "", Errorf(ValueErrorClass, "Unknown format code '%c' for object of type 'float'", fs.typ)
	}
	if math.IsInf(a, 0) {
		body = "inf"
	} else if math.IsNaN(a) {
		body = "nan"
	}
	if fs.comma || fs.under {
		sep := ","
		if fs.under {
			sep = "_"
		}
		intPart, rest, _ := strings.Cut(body, ".")
		if rest != "" {
			rest = "." + rest
		}
		body = groupDigits(intPart, sep) + rest
	}
	return pad(signed(neg, fs.sign)+body, fs, true), nil
}

func pyExp(s string) string {
	// Go writes e+06 style already with two digits minimum.
	return s
}

// strFormat implements str.format.
func (in *Interp) strFormat(s string, args []Value, kw []Kw) (string, error) {
	var b strings.Builder
	auto := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '}' {
			if i+1 < len(s) && s[i+1] == '}' {
				b.WriteByte('}')
				i++
				continue
			}
			return "", Errorf(ValueErrorClass, "Single '}' encountered in format string")
		}
		if c != '{' {
			b.WriteByte(c)
			continue
		}
		if i+1 < len(s) && s[i+1] == '{' {
			b.WriteByte('{')
			i++
			continue
		}
		depth, j := 1, i+1
		for j < len(s) && depth > 0 {
			if s[j] == '{' {
				depth++
			} else if s[j] == '}' {
				depth--
			}
			j++
		}
		if depth != 0 {
			return "", Errorf(ValueErrorClass, "expected '}' before end of string")
		}
		field := s[i+1 : j-1]
		i = j - 1
		name, spec, _ := strings.Cut(field, ":")
		conv := byte(0)
		if k := strings.IndexByte(name, '!'); k >= 0 {
			if k+1 < len(name) {
				conv = name[k+1]
			}
			name = name[:k]
		}
		// nested fields in the spec
		if strings.Contains(spec, "{") {
			var err error
			spec, err = in.strFormat(spec, args, kw)
			if err != nil {
				return "", err
			}
		}
		// split "a.b[c]" accessors
		head := name
		rest := ""
		if k := strings.IndexAny(name, ".["); k >= 0 {
			head, rest = name[:k], name[k:]
		}
		var v Value
		if head == "" {
			if auto >= len(args) {
				return "", Errorf(IndexErrorClass, "Replacement index %d out of range for positional args tuple", auto)
			}
			v = args[auto]
			auto++
		} else if n, err := strconv.Atoi(head); err == nil {
			if n >= len(args) {
				return "", Errorf(IndexErrorClass, "Replacement index %d out of range for positional args tuple", n)
			}
			v = args[n]
		} else {
			found := false
			for _, k := range kw {
				if k.Name == head {
					v, found = k.Value, true
				}
			}
			if !found {
				return "", NewException(KeyErrorClass, head)
			}
		}
		for rest != "" {
			if rest[0] == '.' {
				k := strings.IndexAny(rest[1:], ".[")
				attr := rest[1:]
				if k >= 0 {
					attr, rest = rest[1:k+1], rest[k+1:]
				} else {
					rest = ""
				}
				var err error
				if v, err = in.GetAttr(v, attr); err != nil {
					return "", err
				}
				continue
			}
			k := strings.IndexByte(rest, ']')
			if k < 0 {
				return "", Errorf(ValueErrorClass, "Missing ']' in format string")
			}
			key := rest[1:k]
			rest = rest[k+1:]
			var kv Value = key
			if n, err := strconv.Atoi(key); err == nil {
				kv = int64(n)
			}
			var err error
			if v, err = in.GetItem(v, kv); err != nil {
				return "", err
			}
		}
		switch conv {
		case 's':
			sv, err := in.Str(v)
			if err != nil {
				return "", err
			}
			v = sv
		case 'r', 'a':
			sv, err := in.Repr(v)
			if err != nil {
				return "", err
			}
			v = sv
		}
		out, err := in.Format(v, spec)
		if err != nil {
			return "", err
		}
		b.WriteString(out)
	}
	return b.String(), nil
}

// percentFormat implements "fmt % args".
func (in *Interp) percentFormat(s string, arg Value) (string, error) {
	var args []Value
	var mapping *Dict
	switch a := arg.(type) {
	case Tuple:
		args = a
	case TupleSubclass:
		args = a.AsTuple()
	case *Dict:
		mapping = a
		args = []Value{a}
	default:
		args = []Value{a}
	}
	var b strings.Builder
	ai := 0
	next := func() (Value, error) {
		if ai >= len(args) {
			return nil, in.TypeError("not enough arguments for format string")
		}
		v := args[ai]
		ai++
		return v, nil
	}
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			b.WriteByte(s[i])
			continue
		}
		i++
		if i >= len(s) {
			return "", Errorf(ValueErrorClass, "incomplete format")
		}
		var v Value
		haveV := false
		if s[i] == '(' {
			k := strings.IndexByte(s[i:], ')')
			if k < 0 || mapping == nil {
				return "", Errorf(ValueErrorClass, "incomplete format key")
			}
			key := s[i+1 : i+k]
			val, ok := mapping.GetStr(key)
			if !ok {
				return "", NewException(KeyErrorClass, key)
			}
			v, haveV = val, true
			i += k + 1
		}
		j := i
		for j < len(s) && strings.IndexByte("-+ #0123456789.*", s[j]) >= 0 {
			j++
		}
		if j >= len(s) {
			return "", Errorf(ValueErrorClass, "incomplete format")
		}
		flags := s[i:j]
		conv := s[j]
		i = j
		if conv == '%' {
			b.WriteByte('%')
			continue
		}
		if !haveV {
			var err error
			if v, err = next(); err != nil {
				return "", err
			}
		}
		spec := ""
		align := ""
		if strings.HasPrefix(flags, "-") {
			align = "<"
			flags = strings.TrimLeft(flags, "-")
		}
		var out string
		var err error
		switch conv {
		case 's':
			out, err = in.Str(v)
			spec = align + strings.TrimLeft(flags, "0")
			if align == "" && spec != "" {
				spec = ">" + spec
			}
		case 'r', 'a':
			out, err = in.Repr(v)
			spec = align + flags
			if align == "" && spec != "" {
				spec = ">" + spec
			}
		case 'd', 'i', 'u':
			f, ok := numeric(v)
			if !ok {
				return "", in.TypeError("%%d format: a real number is required, not %s", TypeName(v))
			}
			out, err = in.Format(int64(f), align+flags+"d")
			spec = ""
		case 'f', 'F', 'e', 'E', 'g', 'G', 'x', 'X', 'o':
			if conv == 'x' || conv == 'X' || conv == 'o' {
				i, ok := asInt(v)
				if !ok {
					return "", in.TypeError("%%%c format: an integer is required, not %s", conv, TypeName(v))
				}
				out, err = in.Format(i, align+flags+string(conv))
			} else {
				f, ok := numeric(v)
				if !ok {
					return "", in.TypeError("must be real number, not %s", TypeName(v))
				}
				out, err = in.Format(f, align+flags+string(conv))
			}
		case 'c':
			if i, ok := asInt(v); ok {
				out = string(rune(i))
			} else {
				out, _ = v.(string)
			}
		default:
			return "", Errorf(ValueErrorClass, "unsupported format character '%c'", conv)
		}
		if err != nil {
			return "", err
		}
		if spec != "" {
			out, err = in.Format(out, spec)
			if err != nil {
				return "", err
			}
		}
		b.WriteString(out)
	}
	if mapping == nil && ai < len(args) {
		return "", in.TypeError("not all arguments converted during string formatting")
	}
	return b.String(), nil
}
