package recipe

import (
	py "github.com/conid/conid/recipe/python"
)

// Conf is the [conf] a recipe sees (self.conf): name -> value, already
// evaluated as Conan evaluates conf values.
type Conf map[string]py.Value

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
			if v, ok := p.c[key]; ok {
				return v, nil
			}
			if a[1] == nil {
				return py.None, nil
			}
			return a[1], nil
		}), true, nil
	case "items":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			var out []py.Value
			for k, v := range p.c {
				out = append(out, py.Tuple{k, v})
			}
			return py.NewList(out...), nil
		}), true, nil
	}
	return nil, false, nil
}
