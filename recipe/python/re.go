package python

import (
	"regexp"
	"strings"
)

// The re module on top of Go's RE2. Patterns RE2 cannot express
// (backreferences, lookarounds) raise Unsupported rather than match
// differently.

type reMatch struct {
	s   string
	idx []int
	re  *regexp.Regexp
}

func (m *reMatch) TypeName() string { return "re.Match" }
func (m *reMatch) Truth() bool      { return true }

func (m *reMatch) group(in *Interp, g Value) (Value, error) {
	n := 0
	switch x := g.(type) {
	case int64:
		n = int(x)
	case string:
		n = m.re.SubexpIndex(x)
		if n < 0 {
			return nil, Errorf(IndexErrorClass, "no such group")
		}
	}
	if n < 0 || 2*n+1 >= len(m.idx) {
		return nil, Errorf(IndexErrorClass, "no such group")
	}
	if m.idx[2*n] < 0 {
		return None, nil
	}
	return m.s[m.idx[2*n]:m.idx[2*n+1]], nil
}

func (m *reMatch) GetAttr(in *Interp, name string) (Value, bool, error) {
	switch name {
	case "group":
		return fnb("group", func(in *Interp, args []Value, kw []Kw) (Value, error) {
			if len(args) == 0 {
				return m.group(in, int64(0))
			}
			if len(args) == 1 {
				return m.group(in, args[0])
			}
			var t Tuple
			for _, a := range args {
				v, err := m.group(in, a)
				if err != nil {
					return nil, err
				}
				t = append(t, v)
			}
			return t, nil
		}), true, nil
	case "groups":
		return fnb("groups", func(in *Interp, args []Value, kw []Kw) (Value, error) {
			var t Tuple
			for i := 1; 2*i < len(m.idx); i++ {
				v, _ := m.group(in, int64(i))
				t = append(t, v)
			}
			return t, nil
		}), true, nil
	case "groupdict":
		return fnb("groupdict", func(in *Interp, args []Value, kw []Kw) (Value, error) {
			d := NewDict()
			for i, n := range m.re.SubexpNames() {
				if n != "" {
					v, _ := m.group(in, int64(i))
					d.SetStr(n, v)
				}
			}
			return d, nil
		}), true, nil
	case "start", "end":
		return fnb(name, func(in *Interp, args []Value, kw []Kw) (Value, error) {
			n := 0
			if len(args) == 1 {
				i, _ := asInt(args[0])
				n = int(i)
			}
			if name == "start" {
				return int64(len([]rune(m.s[:m.idx[2*n]]))), nil
			}
			return int64(len([]rune(m.s[:m.idx[2*n+1]]))), nil
		}), true, nil
	}
	return nil, false, nil
}

func (in *Interp) compileRe(pattern Value, flags Value) (*regexp.Regexp, error) {
	if p, ok := pattern.(*rePattern); ok {
		return p.re, nil
	}
	s, ok := pattern.(string)
	if !ok {
		return nil, in.TypeError("first argument must be string or compiled pattern")
	}
	prefix := ""
	if f, ok := asInt(flags); ok && flags != nil {
		if f&2 != 0 {
			prefix += "i"
		}
		if f&8 != 0 {
			prefix += "m"
		}
		if f&16 != 0 {
			prefix += "s"
		}
	}
	if prefix != "" {
		s = "(?" + prefix + ")" + s
	}
	// Python named groups (?P<name>...) are accepted by RE2 as is.
	re, err := regexp.Compile(s)
	if err != nil {
		if strings.Contains(s, "(?=") || strings.Contains(s, "(?!") || strings.Contains(s, "(?<") || strings.Contains(s, `\1`) {
			return nil, &Unsupported{File: in.currentFile(), Pos: in.currentPos(), Construct: "regular expression feature outside RE2: " + s}
		}
		return nil, Errorf(ValueErrorClass, "bad regular expression %s: %v", pyStrRepr(s), err)
	}
	return re, nil
}

type rePattern struct{ re *regexp.Regexp }

func (p *rePattern) TypeName() string { return "re.Pattern" }
func (p *rePattern) GetAttr(in *Interp, name string) (Value, bool, error) {
	switch name {
	case "match", "search", "fullmatch", "findall", "sub", "split":
		fn, _ := modReFuncs[name]
		return fnb(name, func(in *Interp, args []Value, kw []Kw) (Value, error) {
			return fn(in, append([]Value{p}, args...), kw)
		}), true, nil
	case "pattern":
		return p.re.String(), true, nil
	}
	return nil, false, nil
}

var modReFuncs map[string]BuiltinFunc

func init() {
	modReFuncs = map[string]BuiltinFunc{
		"match": func(in *Interp, args []Value, kw []Kw) (Value, error) {
			return reSearch(in, "match", args, kw)
		},
		"search": func(in *Interp, args []Value, kw []Kw) (Value, error) {
			return reSearch(in, "search", args, kw)
		},
		"fullmatch": func(in *Interp, args []Value, kw []Kw) (Value, error) {
			return reSearch(in, "fullmatch", args, kw)
		},
		"findall": func(in *Interp, args []Value, kw []Kw) (Value, error) {
			a, err := in.Args("findall", args, kw, "pattern", "string", "flags?")
			if err != nil {
				return nil, err
			}
			re, err := in.compileRe(a[0], a[2])
			if err != nil {
				return nil, err
			}
			s, err := argStr(in, "findall", a[1])
			if err != nil {
				return nil, err
			}
			var out []Value
			for _, m := range re.FindAllStringSubmatch(s, -1) {
				switch len(m) {
				case 1:
					out = append(out, m[0])
				case 2:
					out = append(out, m[1])
				default:
					t := make(Tuple, len(m)-1)
					for i := range t {
						t[i] = m[i+1]
					}
					out = append(out, t)
				}
			}
			return NewList(out...), nil
		},
		"sub": func(in *Interp, args []Value, kw []Kw) (Value, error) {
			a, err := in.Args("sub", args, kw, "pattern", "repl", "string", "count?", "flags?")
			if err != nil {
				return nil, err
			}
			re, err := in.compileRe(a[0], a[4])
			if err != nil {
				return nil, err
			}
			s, err := argStr(in, "sub", a[2])
			if err != nil {
				return nil, err
			}
			repl, ok := a[1].(string)
			if !ok {
				return nil, &Unsupported{File: in.currentFile(), Pos: in.currentPos(), Construct: "re.sub with a function"}
			}
			// Python's \1 and \g<name> -> Go's ${1} and ${name}
			goRepl := regexp.MustCompile(`\\(\d+)|\\g<(\w+)>`).ReplaceAllString(strings.ReplaceAll(repl, "$", "$$"), "$${$1$2}")
			return re.ReplaceAllString(s, goRepl), nil
		},
		"split": func(in *Interp, args []Value, kw []Kw) (Value, error) {
			a, err := in.Args("split", args, kw, "pattern", "string", "maxsplit?", "flags?")
			if err != nil {
				return nil, err
			}
			re, err := in.compileRe(a[0], a[3])
			if err != nil {
				return nil, err
			}
			s, err := argStr(in, "split", a[1])
			if err != nil {
				return nil, err
			}
			n := -1
			if m, ok := asInt(a[2]); ok && a[2] != nil && m > 0 {
				n = int(m) + 1
			}
			var out []Value
			for _, p := range re.Split(s, n) {
				out = append(out, p)
			}
			return NewList(out...), nil
		},
		"compile": func(in *Interp, args []Value, kw []Kw) (Value, error) {
			a, err := in.Args("compile", args, kw, "pattern", "flags?")
			if err != nil {
				return nil, err
			}
			re, err := in.compileRe(a[0], a[1])
			if err != nil {
				return nil, err
			}
			return &rePattern{re}, nil
		},
		"escape": func(in *Interp, args []Value, kw []Kw) (Value, error) {
			s, err := argStr(in, "escape", args[0])
			if err != nil {
				return nil, err
			}
			return regexp.QuoteMeta(s), nil
		},
	}
}

func reSearch(in *Interp, mode string, args []Value, kw []Kw) (Value, error) {
	a, err := in.Args(mode, args, kw, "pattern", "string", "flags?")
	if err != nil {
		return nil, err
	}
	re, err := in.compileRe(a[0], a[2])
	if err != nil {
		return nil, err
	}
	s, ok := strOf(a[1])
	if !ok {
		return nil, in.TypeError("expected string or bytes-like object, got '%s'", TypeName(a[1]))
	}
	switch mode {
	case "match":
		re, err = regexp.Compile(`^(?:` + re.String() + `)`)
	case "fullmatch":
		re, err = regexp.Compile(`^(?:` + re.String() + `)$`)
	}
	if err != nil {
		return nil, err
	}
	idx := re.FindStringSubmatchIndex(s)
	if idx == nil {
		return None, nil
	}
	return &reMatch{s: s, idx: idx, re: re}, nil
}

func modRe(in *Interp) (*Module, error) {
	m := NewModule("re")
	for name, fn := range modReFuncs {
		m.Set(name, fnb(name, fn))
	}
	m.Set("IGNORECASE", int64(2))
	m.Set("I", int64(2))
	m.Set("MULTILINE", int64(8))
	m.Set("M", int64(8))
	m.Set("DOTALL", int64(16))
	m.Set("S", int64(16))
	m.Set("VERBOSE", int64(64))
	return m, nil
}
