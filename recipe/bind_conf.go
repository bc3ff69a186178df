package recipe

import (
	"fmt"
	"slices"
	"strings"

	py "github.com/conid/conid/recipe/python"
)

// Conf is the [conf] a recipe sees (self.conf), as Conan's
// get_conanfile_conf composes it for the package: entries in Conan's
// internal order, values already evaluated as Conan evaluates them (nil
// for an unset one, "name=!").
type Conf []ConfItem

// ConfItem is one configuration value.
type ConfItem struct {
	Name  string
	Value py.Value
}

func (c Conf) get(name string) (py.Value, bool) {
	for _, it := range c {
		if it.Name == name {
			return it.Value, true
		}
	}
	return nil, false
}

// dumps is Conf.dumps(): "name=value" lines, the last defined first;
// "name=!" for an unset value.
func (c Conf) dumps(in *py.Interp) (string, error) {
	lines := make([]string, 0, len(c))
	for i := len(c) - 1; i >= 0; i-- {
		it := c[i]
		if it.Value == nil || it.Value == py.None {
			lines = append(lines, it.Name+"=!")
			continue
		}
		s, err := in.Str(it.Value)
		if err != nil {
			return "", err
		}
		lines = append(lines, it.Name+"="+s)
	}
	return strings.Join(lines, "\n"), nil
}

// pyConf is self.conf (Conan's Conf): reads, and the methods recipes
// may call to change it (define, unset, append, prepend, pop, items
// assignment and deletion), on the conanfile's own Conf.
type pyConf struct{ c *Conf }

func (p *pyConf) TypeName() string { return "Conf" }
func (p *pyConf) Truth() bool      { return len(*p.c) > 0 }

// get is Conf.get(conf_name, default=None, check_type=None).
func (p *pyConf) get(in *py.Interp, key string, def, checkType py.Value) (py.Value, error) {
	if def == nil {
		def = py.None
	}
	v, ok := p.c.get(key)
	if !ok {
		return def, nil
	}
	if v == nil {
		v = py.None
	}
	// Conan's smart conversions come first, even for an unset value
	// (check_type=bool of "name=!" is True).
	check, _ := checkType.(*py.Class)
	switch {
	case check == py.BoolType && !py.IsInstance(v, py.BoolType):
		s, err := in.Str(v)
		if err != nil {
			return nil, err
		}
		switch strings.ToLower(s) {
		case "0", `"0"`, "false", `"false"`, "off":
			return false, nil
		}
		return true, nil
	case check == py.StrType && !py.IsInstance(v, py.StrType):
		return in.Str(v)
	case v == py.None:
		return def, nil
	case check != nil && !py.IsInstance(v, check):
		s, _ := in.Str(v)
		return nil, conanErr(fmt.Errorf("[conf] %s must be a %s-like object. The value '%s' introduced is a %s object", key, check.Name, s, py.TypeName(v)))
	}
	return v, nil
}

// set puts a value under name: in place if defined, else last (Python's
// OrderedDict assignment).
func (p *pyConf) set(name string, v py.Value) {
	for i := range *p.c {
		if (*p.c)[i].Name == name {
			(*p.c)[i].Value = v
			return
		}
	}
	*p.c = append(*p.c, ConfItem{Name: name, Value: v})
}

func (p *pyConf) del(name string) {
	*p.c = slices.DeleteFunc(*p.c, func(it ConfItem) bool { return it.Name == name })
}

func (p *pyConf) GetItem(in *py.Interp, key py.Value) (py.Value, error) {
	k, err := in.Str(key)
	if err != nil {
		return nil, err
	}
	return p.get(in, k, nil, nil)
}

func (p *pyConf) SetItem(in *py.Interp, key, v py.Value) error {
	k, err := in.Str(key)
	if err != nil {
		return err
	}
	return p.define(in, k, v)
}

func (p *pyConf) DelItem(in *py.Interp, key py.Value) error {
	k, err := in.Str(key)
	if err != nil {
		return err
	}
	if _, ok := p.c.get(k); !ok {
		return py.Errorf(py.KeyErrorClass, "%s", k)
	}
	p.del(k)
	return nil
}

// define is Conf.define: names must be lowercase.
func (p *pyConf) define(in *py.Interp, name string, v py.Value) error {
	if name != strings.ToLower(name) {
		return py.NewException(ConanExceptionClass, fmt.Sprintf("Conf '%s' must be lowercase", name))
	}
	p.set(name, v)
	return nil
}

// listWith is what append or prepend adds: a list's items, or the value.
func listWith(v py.Value) []py.Value {
	if l, ok := v.(*py.List); ok {
		return append([]py.Value(nil), l.Items...)
	}
	return []py.Value{v}
}

func (p *pyConf) GetAttr(in *py.Interp, name string) (py.Value, bool, error) {
	fn := func(params []string, body func(a []py.Value) (py.Value, error)) (py.Value, bool, error) {
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			a, err := in.Args(name, args, kw, params...)
			if err != nil {
				return nil, err
			}
			return body(a)
		}), true, nil
	}
	str := func(v py.Value) (string, error) { return in.Str(v) }
	switch name {
	case "get":
		return fn([]string{"conf_name", "default?", "check_type?"}, func(a []py.Value) (py.Value, error) {
			key, err := str(a[0])
			if err != nil {
				return nil, err
			}
			return p.get(in, key, a[1], a[2])
		})
	case "pop":
		return fn([]string{"conf_name", "default?"}, func(a []py.Value) (py.Value, error) {
			key, err := str(a[0])
			if err != nil {
				return nil, err
			}
			v, err := p.get(in, key, a[1], nil)
			if err == nil {
				p.del(key)
			}
			return v, err
		})
	case "define", "define_path":
		return fn([]string{"name", "value"}, func(a []py.Value) (py.Value, error) {
			key, err := str(a[0])
			if err != nil {
				return nil, err
			}
			return py.None, p.define(in, key, a[1])
		})
	case "unset":
		return fn([]string{"name"}, func(a []py.Value) (py.Value, error) {
			key, err := str(a[0])
			if err != nil {
				return nil, err
			}
			p.set(key, nil)
			return py.None, nil
		})
	case "append", "prepend", "append_path", "prepend_path":
		return fn([]string{"name", "value"}, func(a []py.Value) (py.Value, error) {
			key, err := str(a[0])
			if err != nil {
				return nil, err
			}
			if key != strings.ToLower(key) {
				return nil, py.NewException(ConanExceptionClass, fmt.Sprintf("Conf '%s' must be lowercase", key))
			}
			add := listWith(a[1])
			old, ok := p.c.get(key)
			var items []py.Value
			if ok { // setdefault: the existing value, which must be a list
				l, isList := old.(*py.List)
				if !isList {
					return nil, py.NewException(ConanExceptionClass, fmt.Sprintf("Only list-like values can %s other values.", strings.TrimSuffix(name, "_path")))
				}
				items = append(items, l.Items...)
			}
			if strings.HasPrefix(name, "append") {
				items = append(items, add...)
			} else {
				items = append(add, items...)
			}
			p.set(key, py.NewList(items...))
			return py.None, nil
		})
	case "items":
		return fn(nil, func(a []py.Value) (py.Value, error) {
			out := make([]py.Value, 0, len(*p.c))
			for _, it := range *p.c {
				v := it.Value
				if v == nil {
					v = py.None
				}
				out = append(out, py.Tuple{it.Name, v})
			}
			return py.NewList(out...), nil
		})
	case "dumps":
		return fn(nil, func(a []py.Value) (py.Value, error) { return p.c.dumps(in) })
	}
	return nil, false, nil
}
