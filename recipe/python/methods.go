package python

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
)

// builtinMethod returns a bound method of a built-in type, or nil.
func builtinMethod(in *Interp, obj Value, name string) Value {
	switch o := obj.(type) {
	case string:
		return strMethod(o, name)
	case *List:
		return listMethod(o, name)
	case Tuple:
		return tupleMethod(o, name)
	case *Dict:
		return dictMethod(o, name)
	case *Set:
		return setMethod(o, name)
	case int64, bool:
		return intMethod(o, name)
	case float64:
		return floatMethod(o, name)
	}
	return nil
}

func argStr(in *Interp, fname string, v Value) (string, error) {
	s, ok := strOf(v)
	if !ok {
		return "", in.TypeError("%s() argument must be str, not %s", fname, TypeName(v))
	}
	return s, nil
}

func optStr(v Value) (string, bool) {
	if v == nil || v == None {
		return "", false
	}
	s, ok := v.(string)
	return s, ok
}

func pyIndex(i int64, n int) int {
	if i < 0 {
		i += int64(n)
		if i < 0 {
			i = 0
		}
	}
	if i > int64(n) {
		i = int64(n)
	}
	return int(i)
}

// Python's str.upper, lower and casefold apply Unicode's full case
// mappings ("ß".upper() is "SS", a final sigma lowers to "ς"), which
// Go's strings package does not; golang.org/x/text/cases does. ASCII
// text, nearly all of it in recipes, takes the short way.
func pyUpper(s string) string {
	if isASCII(s) {
		return strings.ToUpper(s)
	}
	return cases.Upper(language.Und).String(s)
}

func pyLower(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	return cases.Lower(language.Und).String(s)
}

func pyCasefold(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	return cases.Fold().String(s)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func strMethod(s string, name string) Value {
	m := func(fn BuiltinFunc) *Builtin { return method(name, fn) }
	switch name {
	case "lower":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) { return pyLower(s), nil })
	case "upper":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) { return pyUpper(s), nil })
	case "casefold":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) { return pyCasefold(s), nil })
	case "capitalize":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			r := []rune(strings.ToLower(s))
			if len(r) > 0 {
				r[0] = unicode.ToUpper(r[0])
			}
			return string(r), nil
		})
	case "title":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			var b strings.Builder
			prev := false
			for _, r := range s {
				if unicode.IsLetter(r) {
					if prev {
						b.WriteRune(unicode.ToLower(r))
					} else {
						b.WriteRune(unicode.ToUpper(r))
					}
					prev = true
				} else {
					b.WriteRune(r)
					prev = false
				}
			}
			return b.String(), nil
		})
	case "swapcase":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			return strings.Map(func(r rune) rune {
				if unicode.IsUpper(r) {
					return unicode.ToLower(r)
				}
				return unicode.ToUpper(r)
			}, s), nil
		})
	case "startswith", "endswith":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			a, err := in.Args(name, args, kw, "prefix", "start?", "end?")
			if err != nil {
				return nil, err
			}
			sub := s
			if a[1] != nil || a[2] != nil {
				r := []rune(s)
				lo, hi := 0, len(r)
				if i, ok := asInt(a[1]); ok {
					lo = pyIndex(i, len(r))
				}
				if i, ok := asInt(a[2]); ok {
					hi = pyIndex(i, len(r))
				}
				if lo > hi {
					return false, nil
				}
				sub = string(r[lo:hi])
			}
			var cands []Value
			switch p := a[0].(type) {
			case string, StrObject:
				cands = []Value{p}
			case Tuple:
				cands = p
			default:
				return nil, in.TypeError("%s first arg must be str or a tuple of str, not %s", name, TypeName(a[0]))
			}
			for _, c := range cands {
				cs, ok := strOf(c)
				if !ok {
					return nil, in.TypeError("tuple for %s must only contain str, not %s", name, TypeName(c))
				}
				if name == "startswith" && strings.HasPrefix(sub, cs) || name == "endswith" && strings.HasSuffix(sub, cs) {
					return true, nil
				}
			}
			return false, nil
		})
	case "strip", "lstrip", "rstrip":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			a, err := in.Args(name, args, kw, "chars?")
			if err != nil {
				return nil, err
			}
			cut, ok := optStr(a[0])
			trim := func(r rune) bool {
				if ok {
					return strings.ContainsRune(cut, r)
				}
				return unicode.IsSpace(r)
			}
			switch name {
			case "strip":
				return strings.TrimFunc(s, trim), nil
			case "lstrip":
				return strings.TrimLeftFunc(s, trim), nil
			}
			return strings.TrimRightFunc(s, trim), nil
		})
	case "removeprefix":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			a, err := in.Args(name, args, kw, "prefix")
			if err != nil {
				return nil, err
			}
			p, err := argStr(in, name, a[0])
			if err != nil {
				return nil, err
			}
			return strings.TrimPrefix(s, p), nil
		})
	case "removesuffix":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			a, err := in.Args(name, args, kw, "suffix")
			if err != nil {
				return nil, err
			}
			p, err := argStr(in, name, a[0])
			if err != nil {
				return nil, err
			}
			return strings.TrimSuffix(s, p), nil
		})
	case "split", "rsplit":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			a, err := in.Args(name, args, kw, "sep?", "maxsplit?")
			if err != nil {
				return nil, err
			}
			max := int64(-1)
			if a[1] != nil {
				max, _ = asInt(a[1])
			}
			sep, hasSep := optStr(a[0])
			var parts []string
			if !hasSep {
				parts = splitWhitespace(s, int(max), name == "rsplit")
			} else {
				if sep == "" {
					return nil, Errorf(ValueErrorClass, "empty separator")
				}
				if max < 0 {
					parts = strings.Split(s, sep)
				} else if name == "split" {
					parts = strings.SplitN(s, sep, int(max)+1)
				} else {
					parts = rsplitN(s, sep, int(max))
				}
			}
			out := make([]Value, len(parts))
			for i, p := range parts {
				out[i] = p
			}
			return NewList(out...), nil
		})
	case "splitlines":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			a, err := in.Args(name, args, kw, "keepends?")
			if err != nil {
				return nil, err
			}
			keep := false
			if a[0] != nil {
				keep, _ = in.Truth(a[0])
			}
			var out []Value
			rest := s
			for rest != "" {
				i := strings.IndexAny(rest, "\n\r\v\f\x1c\x1d\x1e\x85")
				if i < 0 {
					out = append(out, rest)
					break
				}
				end := i + 1
				if rest[i] == '\r' && i+1 < len(rest) && rest[i+1] == '\n' {
					end = i + 2
				}
				if keep {
					out = append(out, rest[:end])
				} else {
					out = append(out, rest[:i])
				}
				rest = rest[end:]
			}
			return NewList(out...), nil
		})
	case "partition", "rpartition":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			a, err := in.Args(name, args, kw, "sep")
			if err != nil {
				return nil, err
			}
			sep, err := argStr(in, name, a[0])
			if err != nil {
				return nil, err
			}
			var i int
			if name == "partition" {
				i = strings.Index(s, sep)
				if i < 0 {
					return Tuple{s, "", ""}, nil
				}
			} else {
				i = strings.LastIndex(s, sep)
				if i < 0 {
					return Tuple{"", "", s}, nil
				}
			}
			return Tuple{s[:i], sep, s[i+len(sep):]}, nil
		})
	case "join":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			a, err := in.Args(name, args, kw, "iterable")
			if err != nil {
				return nil, err
			}
			items, err := in.ToList(a[0])
			if err != nil {
				return nil, err
			}
			parts := make([]string, len(items))
			for i, it := range items {
				p, ok := strOf(it)
				if !ok {
					return nil, in.TypeError("sequence item %d: expected str instance, %s found", i, TypeName(it))
				}
				parts[i] = p
			}
			return strings.Join(parts, s), nil
		})
	case "replace":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			a, err := in.Args(name, args, kw, "old", "new", "count?")
			if err != nil {
				return nil, err
			}
			o, err := argStr(in, name, a[0])
			if err != nil {
				return nil, err
			}
			n, err := argStr(in, name, a[1])
			if err != nil {
				return nil, err
			}
			count := int64(-1)
			if a[2] != nil {
				count, _ = asInt(a[2])
			}
			return strings.Replace(s, o, n, int(count)), nil
		})
	case "find", "rfind", "index", "rindex", "count":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			a, err := in.Args(name, args, kw, "sub", "start?", "end?")
			if err != nil {
				return nil, err
			}
			sub, err := argStr(in, name, a[0])
			if err != nil {
				return nil, err
			}
			r := []rune(s)
			lo, hi := 0, len(r)
			if i, ok := asInt(a[1]); ok && a[1] != nil {
				lo = pyIndex(i, len(r))
			}
			if i, ok := asInt(a[2]); ok && a[2] != nil {
				hi = pyIndex(i, len(r))
			}
			if lo > hi {
				if name == "count" {
					return int64(0), nil
				}
				if name == "index" || name == "rindex" {
					return nil, Errorf(ValueErrorClass, "substring not found")
				}
				return int64(-1), nil
			}
			hay := string(r[lo:hi])
			if name == "count" {
				if sub == "" {
					return int64(len([]rune(hay)) + 1), nil
				}
				return int64(strings.Count(hay, sub)), nil
			}
			var i int
			if name == "find" || name == "index" {
				i = strings.Index(hay, sub)
			} else {
				i = strings.LastIndex(hay, sub)
			}
			if i < 0 {
				if name == "index" || name == "rindex" {
					return nil, Errorf(ValueErrorClass, "substring not found")
				}
				return int64(-1), nil
			}
			return int64(lo + len([]rune(hay[:i]))), nil
		})
	case "isdigit", "isdecimal", "isnumeric", "isalpha", "isalnum", "isspace", "islower", "isupper", "isidentifier", "istitle", "isascii":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) { return strPredicate(s, name), nil })
	case "zfill":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			a, err := in.Args(name, args, kw, "width")
			if err != nil {
				return nil, err
			}
			w, _ := asInt(a[0])
			n := len([]rune(s))
			if int64(n) >= w {
				return s, nil
			}
			pad := strings.Repeat("0", int(w)-n)
			if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") {
				return s[:1] + pad + s[1:], nil
			}
			return pad + s, nil
		})
	case "center", "ljust", "rjust":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			a, err := in.Args(name, args, kw, "width", "fillchar?")
			if err != nil {
				return nil, err
			}
			w, _ := asInt(a[0])
			fill := " "
			if f, ok := optStr(a[1]); ok {
				fill = f
			}
			n := int64(len([]rune(s)))
			if n >= w {
				return s, nil
			}
			total := int(w - n)
			switch name {
			case "ljust":
				return s + strings.Repeat(fill, total), nil
			case "rjust":
				return strings.Repeat(fill, total) + s, nil
			}
			left := total / 2
			if total%2 == 1 && n%2 == 1 {
				left++
			}
			return strings.Repeat(fill, left) + s + strings.Repeat(fill, total-left), nil
		})
	case "format":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) { return in.strFormat(s, args, kw) })
	case "format_map":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			d, ok := args[0].(*Dict)
			if !ok {
				return nil, in.TypeError("format_map() argument must be a mapping")
			}
			keys, vals := d.Items()
			var kws []Kw
			for i, k := range keys {
				if ks, ok := k.(string); ok {
					kws = append(kws, Kw{ks, vals[i]})
				}
			}
			return in.strFormat(s, nil, kws)
		})
	case "encode":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			return nil, Errorf(TypeErrorClass, "bytes are not supported")
		})
	case "expandtabs":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			return strings.ReplaceAll(s, "\t", "        "), nil
		})
	}
	return nil
}

func strPredicate(s, name string) bool {
	if s == "" {
		return name == "isascii"
	}
	all := func(f func(rune) bool) bool {
		for _, r := range s {
			if !f(r) {
				return false
			}
		}
		return true
	}
	switch name {
	case "isdigit", "isdecimal", "isnumeric":
		return all(unicode.IsDigit)
	case "isalpha":
		return all(unicode.IsLetter)
	case "isalnum":
		return all(func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
	case "isspace":
		return all(unicode.IsSpace)
	case "isascii":
		return all(func(r rune) bool { return r < 128 })
	case "islower", "isupper":
		cased := false
		for _, r := range s {
			if unicode.IsUpper(r) {
				if name == "islower" {
					return false
				}
				cased = true
			} else if unicode.IsLower(r) {
				if name == "isupper" {
					return false
				}
				cased = true
			}
		}
		return cased
	case "isidentifier":
		for i, r := range s {
			if !(r == '_' || unicode.IsLetter(r) || i > 0 && unicode.IsDigit(r)) {
				return false
			}
		}
		return true
	case "istitle":
		prevCased, any := false, false
		for _, r := range s {
			switch {
			case unicode.IsUpper(r):
				if prevCased {
					return false
				}
				prevCased, any = true, true
			case unicode.IsLower(r):
				if !prevCased {
					return false
				}
				any = true
			default:
				prevCased = false
			}
		}
		return any
	}
	return false
}

func splitWhitespace(s string, max int, fromRight bool) []string {
	fields := strings.Fields(s)
	if max < 0 || len(fields) <= max+1 {
		return fields
	}
	if !fromRight {
		// keep the remainder after max splits, left-trimmed
		rest := s
		var out []string
		for i := 0; i < max; i++ {
			rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
			j := strings.IndexFunc(rest, unicode.IsSpace)
			out = append(out, rest[:j])
			rest = rest[j:]
		}
		return append(out, strings.TrimLeftFunc(rest, unicode.IsSpace))
	}
	rest := s
	var out []string
	for i := 0; i < max; i++ {
		rest = strings.TrimRightFunc(rest, unicode.IsSpace)
		j := strings.LastIndexFunc(rest, unicode.IsSpace)
		out = append([]string{rest[j+1:]}, out...)
		rest = rest[:j+1]
	}
	return append([]string{strings.TrimRightFunc(rest, unicode.IsSpace)}, out...)
}

func rsplitN(s, sep string, max int) []string {
	var out []string
	for i := 0; i < max; i++ {
		j := strings.LastIndex(s, sep)
		if j < 0 {
			break
		}
		out = append([]string{s[j+len(sep):]}, out...)
		s = s[:j]
	}
	return append([]string{s}, out...)
}

func listMethod(l *List, name string) Value {
	m := func(fn BuiltinFunc) *Builtin { return method(name, fn) }
	switch name {
	case "append":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			a, err := in.Args(name, args, kw, "object")
			if err != nil {
				return nil, err
			}
			l.Items = append(l.Items, a[0])
			return None, nil
		})
	case "extend":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			a, err := in.Args(name, args, kw, "iterable")
			if err != nil {
				return nil, err
			}
			items, err := in.ToList(a[0])
			if err != nil {
				return nil, err
			}
			l.Items = append(l.Items, items...)
			return None, nil
		})
	case "insert":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			a, err := in.Args(name, args, kw, "index", "object")
			if err != nil {
				return nil, err
			}
			i, _ := asInt(a[0])
			p := pyIndex(i, len(l.Items))
			l.Items = append(l.Items, nil)
			copy(l.Items[p+1:], l.Items[p:])
			l.Items[p] = a[1]
			return None, nil
		})
	case "pop":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			a, err := in.Args(name, args, kw, "index?")
			if err != nil {
				return nil, err
			}
			if len(l.Items) == 0 {
				return nil, Errorf(IndexErrorClass, "pop from empty list")
			}
			i := int64(len(l.Items) - 1)
			if a[0] != nil {
				i, _ = asInt(a[0])
				if i < 0 {
					i += int64(len(l.Items))
				}
				if i < 0 || i >= int64(len(l.Items)) {
					return nil, Errorf(IndexErrorClass, "pop index out of range")
				}
			}
			v := l.Items[i]
			l.Items = append(l.Items[:i:i], l.Items[i+1:]...)
			return v, nil
		})
	case "remove":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			a, err := in.Args(name, args, kw, "value")
			if err != nil {
				return nil, err
			}
			for i, it := range l.Items {
				eq, err := in.Equal(it, a[0])
				if err != nil {
					return nil, err
				}
				if eq {
					l.Items = append(l.Items[:i:i], l.Items[i+1:]...)
					return None, nil
				}
			}
			return nil, Errorf(ValueErrorClass, "list.remove(x): x not in list")
		})
	case "index":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) { return seqIndex(in, l.Items, args) })
	case "count":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) { return seqCount(in, l.Items, args) })
	case "sort":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			var key Value
			reverse := false
			for _, k := range kw {
				switch k.Name {
				case "key":
					key = k.Value
				case "reverse":
					reverse, _ = in.Truth(k.Value)
				}
			}
			return None, in.sortValues(l.Items, key, reverse)
		})
	case "reverse":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			for i, j := 0, len(l.Items)-1; i < j; i, j = i+1, j-1 {
				l.Items[i], l.Items[j] = l.Items[j], l.Items[i]
			}
			return None, nil
		})
	case "copy":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			return NewList(append([]Value(nil), l.Items...)...), nil
		})
	case "clear":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			l.Items = nil
			return None, nil
		})
	}
	return nil
}

func seqIndex(in *Interp, items []Value, args []Value) (Value, error) {
	if len(args) < 1 {
		return nil, in.TypeError("index expected at least 1 argument")
	}
	for i, it := range items {
		eq, err := in.Equal(it, args[0])
		if err != nil {
			return nil, err
		}
		if eq {
			return int64(i), nil
		}
	}
	r, _ := in.Repr(args[0])
	return nil, Errorf(ValueErrorClass, "%s is not in list", r)
}

func seqCount(in *Interp, items []Value, args []Value) (Value, error) {
	if len(args) != 1 {
		return nil, in.TypeError("count() takes exactly one argument")
	}
	n := int64(0)
	for _, it := range items {
		eq, err := in.Equal(it, args[0])
		if err != nil {
			return nil, err
		}
		if eq {
			n++
		}
	}
	return n, nil
}

func tupleMethod(t Tuple, name string) Value {
	switch name {
	case "index":
		return method(name, func(in *Interp, args []Value, kw []Kw) (Value, error) { return seqIndex(in, t, args) })
	case "count":
		return method(name, func(in *Interp, args []Value, kw []Kw) (Value, error) { return seqCount(in, t, args) })
	}
	return nil
}

// DictView is a dict's keys(), values() or items() view.
type DictView struct {
	d    *Dict
	mode int
}

func (v *DictView) TypeName() string {
	return [...]string{"dict_keys", "dict_values", "dict_items"}[v.mode]
}
func (v *DictView) Iter(in *Interp) (Iterator, error) {
	return &dictIter{m: &v.d.d, n: v.d.d.n, mode: v.mode}, nil
}
func (v *DictView) Len() int { return v.d.Len() }
func (v *DictView) Contains(in *Interp, x Value) (bool, error) {
	switch v.mode {
	case 0:
		_, ok, err := v.d.Get(x)
		return ok, err
	case 1:
		_, vals := v.d.Items()
		return in.seqContains(vals, x)
	}
	t, ok := x.(Tuple)
	if !ok || len(t) != 2 {
		return false, nil
	}
	val, ok, err := v.d.Get(t[0])
	if err != nil || !ok {
		return false, err
	}
	return in.Equal(val, t[1])
}
func (v *DictView) Repr() string {
	in := &Interp{}
	items, _ := in.ToList(v)
	s, _ := in.seqRepr("[", "]", items, false)
	return v.TypeName() + "(" + s + ")"
}

func dictMethod(d *Dict, name string) Value {
	m := func(fn BuiltinFunc) *Builtin { return method(name, fn) }
	switch name {
	case "get":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			a, err := in.Args(name, args, kw, "key", "default?")
			if err != nil {
				return nil, err
			}
			v, ok, err := d.Get(a[0])
			if err != nil {
				return nil, err
			}
			if !ok {
				if a[1] == nil {
					return None, nil
				}
				return a[1], nil
			}
			return v, nil
		})
	case "keys":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) { return &DictView{d, 0}, nil })
	case "values":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) { return &DictView{d, 1}, nil })
	case "items":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) { return &DictView{d, 2}, nil })
	case "pop":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			if len(args) < 1 || len(args) > 2 {
				return nil, in.TypeError("pop expected 1 or 2 arguments")
			}
			v, ok, err := d.Get(args[0])
			if err != nil {
				return nil, err
			}
			if !ok {
				if len(args) == 2 {
					return args[1], nil
				}
				return nil, NewException(KeyErrorClass, args[0])
			}
			d.Delete(args[0])
			return v, nil
		})
	case "popitem":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			keys, vals := d.Items()
			if len(keys) == 0 {
				return nil, Errorf(KeyErrorClass, "popitem(): dictionary is empty")
			}
			k, v := keys[len(keys)-1], vals[len(vals)-1]
			d.Delete(k)
			return Tuple{k, v}, nil
		})
	case "setdefault":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			a, err := in.Args(name, args, kw, "key", "default?")
			if err != nil {
				return nil, err
			}
			v, ok, err := d.Get(a[0])
			if err != nil {
				return nil, err
			}
			if ok {
				return v, nil
			}
			def := a[1]
			if def == nil {
				def = None
			}
			return def, d.Set(a[0], def)
		})
	case "update":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			if len(args) > 1 {
				return nil, in.TypeError("update expected at most 1 argument")
			}
			if len(args) == 1 {
				if err := in.dictUpdate(d, args[0]); err != nil {
					return nil, err
				}
			}
			for _, k := range kw {
				d.SetStr(k.Name, k.Value)
			}
			return None, nil
		})
	case "copy":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) { return d.Copy(), nil })
	case "clear":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			*d = Dict{}
			return None, nil
		})
	}
	return nil
}

func setMethod(s *Set, name string) Value {
	m := func(fn BuiltinFunc) *Builtin { return method(name, fn) }
	mutating := func(fn BuiltinFunc) Value {
		if s.Frozen {
			return nil
		}
		return m(fn)
	}
	others := func(in *Interp, args []Value) ([]*Set, error) {
		var out []*Set
		for _, a := range args {
			items, err := in.ToList(a)
			if err != nil {
				return nil, err
			}
			o := NewSet()
			for _, x := range items {
				if err := o.Add(x); err != nil {
					return nil, err
				}
			}
			out = append(out, o)
		}
		return out, nil
	}
	switch name {
	case "add":
		return mutating(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			a, err := in.Args(name, args, kw, "elem")
			if err != nil {
				return nil, err
			}
			return None, s.Add(a[0])
		})
	case "discard", "remove":
		return mutating(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			a, err := in.Args(name, args, kw, "elem")
			if err != nil {
				return nil, err
			}
			ok, err := s.Remove(a[0])
			if err != nil {
				return nil, err
			}
			if !ok && name == "remove" {
				return nil, NewException(KeyErrorClass, a[0])
			}
			return None, nil
		})
	case "update":
		return mutating(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			os, err := others(in, args)
			if err != nil {
				return nil, err
			}
			for _, o := range os {
				for _, x := range o.Members() {
					s.Add(x)
				}
			}
			return None, nil
		})
	case "pop":
		return mutating(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			ms := s.Members()
			if len(ms) == 0 {
				return nil, Errorf(KeyErrorClass, "pop from an empty set")
			}
			s.Remove(ms[0])
			return ms[0], nil
		})
	case "clear":
		return mutating(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			*s = Set{}
			return None, nil
		})
	case "copy":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) { return s.Copy(), nil })
	case "union", "intersection", "difference", "symmetric_difference":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			os, err := others(in, args)
			if err != nil {
				return nil, err
			}
			op := map[string]int{"union": 0, "intersection": 1, "difference": 2, "symmetric_difference": 3}[name]
			var cur Value = s.Copy()
			for _, o := range os {
				cur, err = setOp(in, [...]opT{orOp, andOp, subOp, xorOp}[op], cur.(*Set), o)
				if err != nil {
					return nil, err
				}
			}
			return cur, nil
		})
	case "issubset", "issuperset", "isdisjoint":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			os, err := others(in, args)
			if err != nil {
				return nil, err
			}
			if len(os) != 1 {
				return nil, in.TypeError("%s() takes exactly one argument", name)
			}
			o := os[0]
			switch name {
			case "issubset":
				for _, x := range s.Members() {
					if has, _ := o.Has(x); !has {
						return false, nil
					}
				}
				return true, nil
			case "issuperset":
				for _, x := range o.Members() {
					if has, _ := s.Has(x); !has {
						return false, nil
					}
				}
				return true, nil
			}
			for _, x := range s.Members() {
				if has, _ := o.Has(x); has {
					return false, nil
				}
			}
			return true, nil
		})
	}
	return nil
}

func intMethod(v Value, name string) Value {
	i, _ := asInt(v)
	switch name {
	case "bit_length":
		return method(name, func(in *Interp, args []Value, kw []Kw) (Value, error) {
			n := int64(0)
			for x := abs64(i); x > 0; x >>= 1 {
				n++
			}
			return n, nil
		})
	case "real", "numerator":
		return i
	case "imag":
		return int64(0)
	case "denominator":
		return int64(1)
	}
	return nil
}

func floatMethod(f float64, name string) Value {
	switch name {
	case "is_integer":
		return method(name, func(in *Interp, args []Value, kw []Kw) (Value, error) { return f == float64(int64(f)), nil })
	case "real":
		return f
	case "imag":
		return 0.0
	}
	return nil
}
