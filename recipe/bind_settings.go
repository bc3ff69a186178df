package recipe

import (
	"strings"

	py "github.com/conid/conid/recipe/python"
	"github.com/conid/conid/settings"
)

// pySettings is self.settings (Conan's Settings). When track is set
// ("settings"), changes are recorded in the running conanfile's Changes;
// path is the prefix of the fields ("compiler." for compiler's
// sub-settings).
type pySettings struct {
	s           *settings.Settings
	track, path string
}

func (p *pySettings) note(in *py.Interp, field, op, value string) {
	if p.track != "" {
		noteChange(in, p.track, p.path+field, op, value)
	}
}

func (p *pySettings) TypeName() string { return "Settings" }

func (p *pySettings) GetAttr(in *py.Interp, name string) (py.Value, bool, error) {
	switch name {
	case "get_safe":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			a, err := in.Args(name, args, kw, "name", "default?")
			if err != nil {
				return nil, err
			}
			path, err := in.Str(a[0])
			if err != nil {
				return nil, err
			}
			if v, ok := p.s.GetSafe(path); ok {
				return v, nil
			}
			if a[1] == nil {
				return py.None, nil
			}
			return a[1], nil
		}), true, nil
	case "rm_safe":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			a, err := in.Args(name, args, kw, "name")
			if err != nil {
				return nil, err
			}
			path, err := in.Str(a[0])
			if err != nil {
				return nil, err
			}
			p.note(in, path, "del", "")
			return py.None, conanErr(p.s.RmSafe(path))
		}), true, nil
	case "fields":
		f := p.s.Fields()
		out := make([]py.Value, len(f))
		for i, x := range f {
			out[i] = x
		}
		return py.NewList(out...), true, nil
	case "items", "iteritems", "values_list":
		fn := func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			var out []py.Value
			for _, nv := range p.s.ValuesList() {
				out = append(out, py.Tuple{nv.Name, nv.Value})
			}
			return py.NewList(out...), nil
		}
		if name == "values_list" {
			v, err := fn(in, nil, nil)
			return v, true, err
		}
		return py.NewBuiltin(name, fn), true, nil
	case "copy", "copy_values":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			if name == "copy" {
				return &pySettings{s: p.s.Copy()}, nil
			}
			return &pySettings{s: p.s.CopyValues()}, nil
		}), true, nil
	case "clear":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			p.note(in, "", "clear", "")
			p.s.Clear()
			return py.None, nil
		}), true, nil
	case "validate":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			return py.None, conanErr(p.s.Validate())
		}), true, nil
	case "remove":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			if len(args) != 1 {
				return nil, in.TypeError("remove() takes one argument")
			}
			items, err := strList(in, args[0])
			if err != nil {
				return nil, err
			}
			for _, it := range items {
				p.note(in, it, "del", "")
			}
			p.s.Remove(items...)
			return py.None, nil
		}), true, nil
	case "constraint":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			if len(args) != 1 {
				return nil, in.TypeError("constraint() takes one argument")
			}
			c, err := parseConstraint(in, args[0])
			if err != nil {
				return nil, err
			}
			return py.None, conanErr(p.s.Constrain(c))
		}), true, nil
	case "possible_values":
		return nil, false, nil
	}
	if len(name) > 0 && name[0] == '_' {
		return nil, false, nil
	}
	it, err := p.s.Field(name)
	if err != nil {
		return nil, false, conanErr(err)
	}
	return &pySettingItem{it: it, track: p.track, path: p.path + name}, true, nil
}

func (p *pySettings) SetAttr(in *py.Interp, name string, v py.Value) error {
	s, err := in.Str(v)
	if err != nil {
		return err
	}
	p.note(in, name, "set", s)
	return conanErr(p.s.Set(name, s))
}

func (p *pySettings) DelAttr(in *py.Interp, name string) error {
	p.note(in, name, "del", "")
	return conanErr(p.s.Del(name))
}

// strList converts a str or a list/tuple/set of str to Go strings (with
// Python's str()).
func strList(in *py.Interp, v py.Value) ([]string, error) {
	switch x := v.(type) {
	case *py.List, py.Tuple, *py.Set:
		items, err := in.ToList(x)
		if err != nil {
			return nil, err
		}
		out := make([]string, len(items))
		for i, it := range items {
			s, err := in.Str(it)
			if err != nil {
				return nil, err
			}
			out[i] = s
		}
		return out, nil
	}
	s, err := in.Str(v)
	if err != nil {
		return nil, err
	}
	return []string{s}, nil
}

// pySettingItem is one setting (Conan's SettingsItem); track and path as
// in pySettings, path being this setting's.
type pySettingItem struct {
	it          *settings.Item
	track, path string
}

func (p *pySettingItem) TypeName() string { return "SettingsItem" }
func (p *pySettingItem) Str() string      { return p.it.String() }

// Repr is object.__repr__: Conan's SettingsItem defines none.
func (p *pySettingItem) Repr() string { return objectRepr("conans.model.settings.SettingsItem", p) }
func (p *pySettingItem) Truth() bool  { return p.it.Truth() }

func (p *pySettingItem) Eq(in *py.Interp, other py.Value) (bool, bool, error) {
	if other == py.None {
		eq, err := p.it.Eq(nil)
		return eq, true, conanErr(err)
	}
	s, err := in.Str(other)
	if err != nil {
		return false, true, err
	}
	eq, err := p.it.Eq(&s)
	return eq, true, conanErr(err)
}

func (p *pySettingItem) Contains(in *py.Interp, x py.Value) (bool, error) {
	s, ok := x.(string)
	if !ok {
		return false, in.TypeError("'in <string>' requires string as left operand, not %s", py.TypeName(x))
	}
	return p.it.Contains(s), nil
}

func (p *pySettingItem) GetAttr(in *py.Interp, name string) (py.Value, bool, error) {
	switch name {
	case "value":
		if v, ok := p.it.Value(); ok {
			return v, true, nil
		}
		return py.None, true, nil
	case "values_range":
		if p.it.IsAny() {
			return "ANY", true, nil
		}
		r := p.it.ValuesRange()
		out := make([]py.Value, len(r))
		for i, x := range r {
			out[i] = x
		}
		return py.NewList(out...), true, nil
	case "is_final":
		return p.it.IsFinal(), true, nil
	case "remove":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			if len(args) != 1 {
				return nil, in.TypeError("remove() takes one argument")
			}
			vals, err := strList(in, args[0])
			if err != nil {
				return nil, err
			}
			if p.track != "" {
				noteChange(in, p.track, p.path, "restrict", strings.Join(vals, ","))
			}
			return py.None, conanErr(p.it.Remove(vals...))
		}), true, nil
	}
	if len(name) > 0 && name[0] == '_' {
		return nil, false, nil
	}
	// SettingsItem.__getattr__ delegates to the sub-settings of the
	// current value: fields and methods (get_safe, rm_safe, fields...).
	child, err := p.it.Child()
	if err != nil {
		if p.it.IsFinal() {
			_, err = p.it.Field(name)
		}
		return nil, false, conanErr(err)
	}
	return (&pySettings{s: child, track: p.track, path: p.path + "."}).GetAttr(in, name)
}

func (p *pySettingItem) SetAttr(in *py.Interp, name string, v py.Value) error {
	s, err := in.Str(v)
	if err != nil {
		return err
	}
	if name == "value" {
		if p.track != "" {
			noteChange(in, p.track, p.path, "set", s)
		}
		return conanErr(p.it.SetValue(s))
	}
	if p.track != "" {
		noteChange(in, p.track, p.path+"."+name, "set", s)
	}
	return conanErr(p.it.SetField(name, s))
}

func (p *pySettingItem) DelAttr(in *py.Interp, name string) error {
	if p.track != "" {
		noteChange(in, p.track, p.path+"."+name, "del", "")
	}
	p.it.DelField(name)
	return nil
}

func (p *pySettingItem) GetItem(in *py.Interp, key py.Value) (py.Value, error) {
	s, err := in.Str(key)
	if err != nil {
		return nil, err
	}
	sub, err := p.it.Sub(s)
	if err != nil {
		return nil, conanErr(err)
	}
	return &pySettings{s: sub, track: p.track, path: p.path + "."}, nil
}

// parseConstraint reads a recipe's `settings` attribute.
func parseConstraint(in *py.Interp, v py.Value) (*settings.Constraint, error) {
	c := &settings.Constraint{}
	switch x := v.(type) {
	case py.NoneType:
		return c, nil
	case string:
		c.Fields = []settings.FieldConstraint{{Name: x, Keep: true}}
		return c, nil
	case *py.List, py.Tuple, *py.Set:
		names, err := strList(in, x)
		if err != nil {
			return nil, err
		}
		for _, n := range names {
			c.Fields = append(c.Fields, settings.FieldConstraint{Name: n, Keep: true})
		}
		return c, nil
	case *py.Dict:
		keys, vals := x.Items()
		for i, k := range keys {
			name, err := in.Str(k)
			if err != nil {
				return nil, err
			}
			fc := settings.FieldConstraint{Name: name}
			switch d := vals[i].(type) {
			case py.NoneType:
				fc.Keep = true
			case string:
				fc.Values = []string{d}
			case *py.Dict:
				fc.IsDict = true
				fc.Subs = map[string]*settings.Constraint{}
				dk, dv := d.Items()
				for j, kk := range dk {
					ks, err := in.Str(kk)
					if err != nil {
						return nil, err
					}
					fc.Values = append(fc.Values, ks)
					if dv[j] != py.None {
						sub, err := parseConstraint(in, dv[j])
						if err != nil {
							return nil, err
						}
						fc.Subs[ks] = sub
					} else {
						fc.Subs[ks] = nil
					}
				}
			default:
				vals, err := strList(in, d)
				if err != nil {
					return nil, err
				}
				fc.Values = vals
			}
			c.Fields = append(c.Fields, fc)
		}
		return c, nil
	}
	return nil, in.TypeError("settings must be a str, a list, a tuple or a dict, not %s", py.TypeName(v))
}
