package recipe

import (
	"fmt"
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

// pyConf is self.conf.
type pyConf struct{ c Conf }

func (p *pyConf) TypeName() string { return "Conf" }

func (p *pyConf) GetAttr(in *py.Interp, name string) (py.Value, bool, error) {
	switch name {
	case "get":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			a, err := in.Args("get", args, kw, "conf_name", "default?", "check_type?")
			if err != nil {
				return nil, err
			}
			key, err := in.Str(a[0])
			if err != nil {
				return nil, err
			}
			def := a[1]
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
			// Conan's smart conversions come first, even for an unset
			// value (check_type=bool of "name=!" is True).
			check, _ := a[2].(*py.Class)
			switch {
			case a[2] != nil && a[2] != py.None && check == py.BoolType && !py.IsInstance(v, py.BoolType):
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
		}), true, nil
	case "items":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			out := make([]py.Value, 0, len(p.c))
			for _, it := range p.c {
				v := it.Value
				if v == nil {
					v = py.None
				}
				out = append(out, py.Tuple{it.Name, v})
			}
			return py.NewList(out...), nil
		}), true, nil
	case "dumps":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			if _, err := in.Args("dumps", args, kw); err != nil {
				return nil, err
			}
			return p.c.dumps(in)
		}), true, nil
	}
	return nil, false, nil
}
