package python

import (
	"strings"

	"github.com/conid/conid/internal/fsread"
)

// A small configparser: ConfigParser() with read/read_string, sections,
// options, get/getint/getboolean, has_section/has_option and mapping
// access. Option names are lower-cased, indented lines continue a value,
// "#" and ";" start comment lines, "%%" is "%"; any other "%(name)s"
// interpolation is reported as unsupported.

type cfgSection struct {
	name  string
	keys  []string
	value map[string]string
}

type configParser struct {
	sections []*cfgSection
	defaults *cfgSection
}

func (c *configParser) TypeName() string { return "ConfigParser" }

func (c *configParser) section(name string) *cfgSection {
	for _, s := range c.sections {
		if s.name == name {
			return s
		}
	}
	return nil
}

func (c *configParser) parse(in *Interp, text, file string) error {
	var cur *cfgSection
	var lastKey string
	keyIndent := 0
	for i, raw := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		line := strings.TrimRight(raw, " \t")
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			lastKey = ""
			continue
		}
		if strings.HasPrefix(trimmed, "#") || strings.HasPrefix(trimmed, ";") {
			continue
		}
		indent := len(line) - len(strings.TrimLeft(line, " \t"))
		if indent > keyIndent && cur != nil && lastKey != "" {
			cur.value[lastKey] += "\n" + trimmed
			continue
		}
		if strings.HasPrefix(trimmed, "[") && strings.HasSuffix(trimmed, "]") {
			name := trimmed[1 : len(trimmed)-1]
			if name == "DEFAULT" {
				if c.defaults == nil {
					c.defaults = &cfgSection{name: name, value: map[string]string{}}
				}
				cur = c.defaults
			} else if cur = c.section(name); cur == nil {
				cur = &cfgSection{name: name, value: map[string]string{}}
				c.sections = append(c.sections, cur)
			}
			lastKey = ""
			continue
		}
		if cur == nil {
			return Errorf(ValueErrorClass, "File contains no section headers.\nfile: %s, line: %d", pyStrRepr(file), i+1)
		}
		k, v, found := cutAny(trimmed, "=:")
		if !found {
			return Errorf(ValueErrorClass, "Source contains parsing errors: %s\n\t[line %2d]: %s", pyStrRepr(file), i+1, pyStrRepr(line))
		}
		k = strings.ToLower(strings.TrimSpace(k))
		if _, ok := cur.value[k]; !ok {
			cur.keys = append(cur.keys, k)
		}
		cur.value[k] = strings.TrimSpace(v)
		lastKey = k
		keyIndent = indent
	}
	return nil
}

func cutAny(s, seps string) (string, string, bool) {
	i := strings.IndexAny(s, seps)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+1:], true
}

func (c *configParser) lookup(in *Interp, section, option string) (string, bool, error) {
	s := c.section(section)
	if s == nil {
		return "", false, Errorf(KeyErrorClass, "No section: %s", pyStrRepr(section))
	}
	option = strings.ToLower(option)
	v, ok := s.value[option]
	if !ok && c.defaults != nil {
		v, ok = c.defaults.value[option]
	}
	if !ok {
		return "", false, nil
	}
	if strings.Contains(strings.ReplaceAll(v, "%%", ""), "%") {
		return "", false, in.Unsupportedf("configparser interpolation in %q", v)
	}
	return strings.ReplaceAll(v, "%%", "%"), true, nil
}

func (c *configParser) GetAttr(in *Interp, name string) (Value, bool, error) {
	m := func(fn BuiltinFunc) (Value, bool, error) { return fnb(name, fn), true, nil }
	switch name {
	case "read":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			if len(args) < 1 {
				return nil, in.TypeError("read() missing filenames")
			}
			var files []Value
			if l, ok := args[0].(*List); ok {
				files = l.Items
			} else {
				files = []Value{args[0]}
			}
			var read []Value
			for _, f := range files {
				p, err := in.pathArg("ConfigParser.read", f)
				if err != nil {
					return nil, err
				}
				b, err := fsread.ReadFile(p)
				if err != nil {
					continue
				}
				if err := c.parse(in, string(b), p); err != nil {
					return nil, err
				}
				read = append(read, p)
			}
			return NewList(read...), nil
		})
	case "read_string":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			s, err := argStr(in, name, args[0])
			if err != nil {
				return nil, err
			}
			return None, c.parse(in, s, "<string>")
		})
	case "sections":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			out := make([]Value, len(c.sections))
			for i, s := range c.sections {
				out[i] = s.name
			}
			return NewList(out...), nil
		})
	case "has_section":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			s, _ := strOf(args[0])
			return c.section(s) != nil, nil
		})
	case "has_option":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			a, err := in.Args(name, args, kw, "section", "option")
			if err != nil {
				return nil, err
			}
			sec, _ := strOf(a[0])
			opt, _ := strOf(a[1])
			s := c.section(sec)
			if s == nil {
				return false, nil
			}
			_, ok := s.value[strings.ToLower(opt)]
			return ok, nil
		})
	case "options":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			sec, _ := strOf(args[0])
			s := c.section(sec)
			if s == nil {
				return nil, Errorf(KeyErrorClass, "No section: %s", pyStrRepr(sec))
			}
			out := make([]Value, len(s.keys))
			for i, k := range s.keys {
				out[i] = k
			}
			return NewList(out...), nil
		})
	case "get", "getint", "getboolean", "getfloat":
		return m(func(in *Interp, args []Value, kw []Kw) (Value, error) {
			a, err := in.Args(name, args, kw, "section", "option", "raw?", "vars?", "fallback?")
			if err != nil {
				return nil, err
			}
			sec, _ := strOf(a[0])
			opt, _ := strOf(a[1])
			v, ok, err := c.lookup(in, sec, opt)
			if err != nil {
				if a[4] != nil {
					return a[4], nil
				}
				return nil, err
			}
			if !ok {
				if a[4] != nil {
					return a[4], nil
				}
				return nil, Errorf(KeyErrorClass, "No option %s in section: %s", pyStrRepr(opt), pyStrRepr(sec))
			}
			switch name {
			case "getint":
				return ctorInt(in, []Value{v}, nil)
			case "getfloat":
				return ctorFloat(in, []Value{v}, nil)
			case "getboolean":
				switch strings.ToLower(v) {
				case "1", "yes", "true", "on":
					return true, nil
				case "0", "no", "false", "off":
					return false, nil
				}
				return nil, Errorf(ValueErrorClass, "Not a boolean: %s", v)
			}
			return v, nil
		})
	}
	return nil, false, nil
}

func (c *configParser) Contains(in *Interp, x Value) (bool, error) {
	s, _ := strOf(x)
	return c.section(s) != nil || (s == "DEFAULT" && c.defaults != nil), nil
}

func (c *configParser) GetItem(in *Interp, key Value) (Value, error) {
	s, _ := strOf(key)
	sec := c.section(s)
	if sec == nil {
		return nil, NewException(KeyErrorClass, s)
	}
	d := NewDict()
	for _, k := range sec.keys {
		v, _, err := c.lookup(in, s, k)
		if err != nil {
			return nil, err
		}
		d.SetStr(k, v)
	}
	return d, nil
}

func modConfigparser(in *Interp) (*Module, error) {
	m := NewModule("configparser")
	ctor := fnb("ConfigParser", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		return &configParser{}, nil
	})
	m.Set("ConfigParser", ctor)
	m.Set("RawConfigParser", ctor)
	m.Set("SafeConfigParser", ctor)
	return m, nil
}
