package recipe

import (
	"github.com/conid/conid/options"
	py "github.com/conid/conid/recipe/python"
)

// codeOrigin is the origin of a value assigned by recipe code now.
func (c *Conanfile) codeOrigin() *options.Origin {
	layer := options.LayerConfigure
	if c.method == "config_options" {
		layer = options.LayerConfigOptions
	}
	file, line := c.Loader.In.CurrentLine()
	return &options.Origin{Layer: layer, Ref: c.refName(), File: file, Line: line}
}

func (c *Conanfile) refName() string {
	if c.Name == "" {
		return c.DisplayName
	}
	s := c.Name + "/" + c.Version
	if c.User != "" {
		s += "@" + c.User + "/" + c.Channel
	}
	return s
}

// pyStrValue converts a Python value to an option value string as
// Conan's str(value).
func pyStrValue(in *py.Interp, v py.Value) (string, error) { return in.Str(v) }

// pyOptions is self.options (Conan's Options).
type pyOptions struct {
	o *options.Options
	c *Conanfile
}

func (p *pyOptions) TypeName() string { return "Options" }

func (p *pyOptions) Contains(in *py.Interp, x py.Value) (bool, error) {
	s, err := in.Str(x)
	if err != nil {
		return false, err
	}
	return p.o.Pkg.Has(s), nil
}

func (p *pyOptions) GetAttr(in *py.Interp, name string) (py.Value, bool, error) {
	switch name {
	case "get_safe":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			a, err := in.Args(name, args, kw, "field", "default?")
			if err != nil {
				return nil, err
			}
			f, err := in.Str(a[0])
			if err != nil {
				return nil, err
			}
			if o, ok := p.o.Pkg.Lookup(f); ok {
				return &pyOption{o, p}, nil
			}
			if a[1] == nil {
				return py.None, nil
			}
			return a[1], nil
		}), true, nil
	case "rm_safe":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			a, err := in.Args(name, args, kw, "field")
			if err != nil {
				return nil, err
			}
			f, err := in.Str(a[0])
			if err != nil {
				return nil, err
			}
			p.o.Pkg.Remove(p.c.codeOrigin(), f)
			return py.None, nil
		}), true, nil
	case "remove":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			if len(args) != 1 {
				return nil, in.TypeError("remove() takes one argument")
			}
			names, err := strList(in, args[0])
			if err != nil {
				return nil, err
			}
			p.o.Pkg.Remove(p.c.codeOrigin(), names...)
			return py.None, nil
		}), true, nil
	case "clear":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			p.o.Pkg.Clear(p.c.codeOrigin())
			return py.None, nil
		}), true, nil
	case "fields":
		return strsToList(p.o.Pkg.Fields()), true, nil
	case "items", "iteritems":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			var out []py.Value
			for _, n := range p.o.Pkg.Fields() {
				o, _ := p.o.Pkg.Lookup(n)
				var v py.Value = py.None
				if val, ok := o.Value(); ok {
					v = val.Str
				}
				out = append(out, py.Tuple{n, v})
			}
			return py.NewList(out...), nil
		}), true, nil
	case "values":
		return &pyOptionsValues{v: p.o.Values(), c: p.c}, true, nil
	case "deps_package_values":
		d := py.NewDict()
		for _, n := range p.o.DepNames() {
			// Each the package's own, as recipes may write to them.
			d.SetStr(n, &pyPackageValues{p.o.Dep(n), p.c})
		}
		return d, true, nil
	case "validate":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			return py.None, conanErr(p.o.Pkg.Validate())
		}), true, nil
	}
	if len(name) > 0 && name[0] == '_' {
		return nil, false, nil
	}
	o, err := p.o.Pkg.Get(name)
	if err != nil {
		return nil, false, conanErr(err)
	}
	return &pyOption{o, p}, true, nil
}

func (p *pyOptions) SetAttr(in *py.Interp, name string, v py.Value) error {
	s, err := pyStrValue(in, v)
	if err != nil {
		return err
	}
	return conanErr(p.o.Pkg.Set(name, options.V(s, p.c.codeOrigin())))
}

// DelAttr is del self.options.x: Conan ignores a missing option here.
func (p *pyOptions) DelAttr(in *py.Interp, name string) error {
	if p.o.Pkg.Has(name) {
		return conanErr(p.o.Pkg.Del(name, p.c.codeOrigin()))
	}
	return nil
}

func (p *pyOptions) GetItem(in *py.Interp, key py.Value) (py.Value, error) {
	s, err := in.Str(key)
	if err != nil {
		return nil, err
	}
	return &pyPackageValues{p.o.Dep(s), p.c}, nil
}

func (p *pyOptions) SetItem(in *py.Interp, key, v py.Value) error {
	return in.Unsupportedf("assigning self.options[...] as a whole")
}

func strsToList(s []string) *py.List {
	out := make([]py.Value, len(s))
	for i, x := range s {
		out[i] = x
	}
	return py.NewList(out...)
}

// pyOption is one declared option (Conan's PackageOption).
type pyOption struct {
	o  *options.Option
	os *pyOptions
}

func (p *pyOption) TypeName() string { return "PackageOption" }
func (p *pyOption) Str() string      { return p.o.String() }

// Repr is object.__repr__: Conan's PackageOption defines none.
func (p *pyOption) Repr() string { return objectRepr("conans.model.options.PackageOption", p) }
func (p *pyOption) Truth() bool  { return p.o.Truth() }

func (p *pyOption) Eq(in *py.Interp, other py.Value) (bool, bool, error) {
	if other == py.None {
		eq, _ := p.o.Eq(nil)
		return eq, true, nil
	}
	s, err := in.Str(other)
	if err != nil {
		return false, true, err
	}
	eq, err := p.o.Eq(&s)
	return eq, true, conanErr(err)
}

// Int is int(option).
func (p *pyOption) Int(in *py.Interp) (py.Value, error) {
	return in.Call(py.IntType, []py.Value{p.o.String()}, nil)
}

func (p *pyOption) GetAttr(in *py.Interp, name string) (py.Value, bool, error) {
	switch name {
	case "value":
		if v, ok := p.o.Value(); ok {
			return v.Str, true, nil
		}
		return py.None, true, nil
	case "remove":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			if len(args) != 1 {
				return nil, in.TypeError("remove() takes one argument")
			}
			vals, err := strList(in, args[0])
			if err != nil {
				return nil, err
			}
			return py.None, conanErr(p.o.RemoveValues(vals...))
		}), true, nil
	}
	return nil, false, nil
}

func (p *pyOption) SetAttr(in *py.Interp, name string, v py.Value) error {
	if name != "value" {
		return in.Unsupportedf("setting %s on an option", name)
	}
	s, err := pyStrValue(in, v)
	if err != nil {
		return err
	}
	return conanErr(p.os.o.Pkg.Set(p.o.Name(), options.V(s, p.os.c.codeOrigin())))
}

// pyPackageValues is self.options["dep"] (Conan's PackageOptionValues).
type pyPackageValues struct {
	v *options.PackageValues
	c *Conanfile
}

func (p *pyPackageValues) TypeName() string { return "PackageOptionValues" }
func (p *pyPackageValues) Truth() bool      { return p.v.Len() > 0 }

func (p *pyPackageValues) Contains(in *py.Interp, x py.Value) (bool, error) {
	s, err := in.Str(x)
	if err != nil {
		return false, err
	}
	return p.v.Has(s), nil
}

func (p *pyPackageValues) GetAttr(in *py.Interp, name string) (py.Value, bool, error) {
	switch name {
	case "fields":
		return strsToList(p.v.Names()), true, nil
	case "keys":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			return strsToList(p.v.InsertionNames()), nil
		}), true, nil
	case "items":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			var out []py.Value
			for _, it := range p.v.Items() {
				out = append(out, py.Tuple{it.Name, &OptionValue{it.Value.Str}})
			}
			return py.NewList(out...), nil
		}), true, nil
	case "clear":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			p.v.Clear()
			return py.None, nil
		}), true, nil
	}
	if len(name) > 0 && name[0] == '_' {
		return nil, false, nil
	}
	v, ok := p.v.Get(name)
	if !ok {
		return nil, false, py.NewException(ConanExceptionClass, "option '"+name+"' doesn't exist\nPossible options are "+options.PyList(p.v.InsertionNames()))
	}
	return &OptionValue{v.Str}, true, nil
}

func (p *pyPackageValues) SetAttr(in *py.Interp, name string, v py.Value) error {
	s, err := pyStrValue(in, v)
	if err != nil {
		return err
	}
	o := p.c.codeOrigin()
	o.Key = name
	p.v.Set(name, options.V(s, o))
	return nil
}

func (p *pyPackageValues) DelAttr(in *py.Interp, name string) error {
	p.v.Delete(name)
	return nil
}

// OptionValue is a value read from PackageOptionValues (Conan's
// PackageOptionValue): a str whose truth is Conan's and that equals
// anything whose str() is the same text.
type OptionValue struct{ S string }

func (o *OptionValue) PyStr() string    { return o.S }
func (o *OptionValue) TypeName() string { return "PackageOptionValue" }
func (o *OptionValue) Truth() bool      { return options.Truthy(o.S) }

func (o *OptionValue) Eq(in *py.Interp, other py.Value) (bool, bool, error) {
	s, err := in.Str(other)
	if err != nil {
		return false, true, err
	}
	return s == o.S, true, nil
}

func (o *OptionValue) HashKey() (string, error) { return py.StrKey(o.S), nil }

// pyOptionsValues is an OptionsValues object (self.options.values,
// self.info.options).
type pyOptionsValues struct {
	v *options.Values
	c *Conanfile
}

func (p *pyOptionsValues) TypeName() string { return "OptionsValues" }

func (p *pyOptionsValues) Contains(in *py.Interp, x py.Value) (bool, error) {
	s, err := in.Str(x)
	if err != nil {
		return false, err
	}
	return p.v.Own.Has(s), nil
}

func (p *pyOptionsValues) GetAttr(in *py.Interp, name string) (py.Value, bool, error) {
	switch name {
	case "get_safe":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			a, err := in.Args(name, args, kw, "attr")
			if err != nil {
				return nil, err
			}
			s, err := in.Str(a[0])
			if err != nil {
				return nil, err
			}
			if v, ok := p.v.Own.Get(s); ok {
				return &OptionValue{v.Str}, nil
			}
			return py.None, nil
		}), true, nil
	case "rm_safe":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			a, err := in.Args(name, args, kw, "attr")
			if err != nil {
				return nil, err
			}
			s, err := in.Str(a[0])
			if err != nil {
				return nil, err
			}
			p.v.Own.Delete(s)
			return py.None, nil
		}), true, nil
	case "clear":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			p.v.Clear()
			return py.None, nil
		}), true, nil
	case "remove":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			a, err := in.Args(name, args, kw, "name", "package?")
			if err != nil {
				return nil, err
			}
			n, err := in.Str(a[0])
			if err != nil {
				return nil, err
			}
			target := p.v.Own
			if a[1] != nil && a[1] != py.None {
				pkg, err := in.Str(a[1])
				if err != nil {
					return nil, err
				}
				pv, ok := p.v.Lookup(pkg)
				if !ok {
					return nil, py.NewException(py.KeyErrorClass, pkg)
				}
				target = pv
			}
			if !target.Has(n) {
				return nil, py.NewException(py.KeyErrorClass, n)
			}
			target.Delete(n)
			return py.None, nil
		}), true, nil
	case "fields":
		return strsToList(p.v.Own.Names()), true, nil
	case "items":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			var out []py.Value
			for _, it := range p.v.Own.Items() {
				out = append(out, py.Tuple{it.Name, &OptionValue{it.Value.Str}})
			}
			return py.NewList(out...), nil
		}), true, nil
	case "dumps":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			return p.v.Dumps(), nil
		}), true, nil
	}
	if len(name) > 0 && name[0] == '_' {
		return nil, false, nil
	}
	v, ok := p.v.Own.Get(name)
	if !ok {
		return nil, false, py.NewException(ConanExceptionClass, "option '"+name+"' doesn't exist\nPossible options are "+options.PyList(p.v.Own.InsertionNames()))
	}
	return &OptionValue{v.Str}, true, nil
}

func (p *pyOptionsValues) SetAttr(in *py.Interp, name string, v py.Value) error {
	s, err := pyStrValue(in, v)
	if err != nil {
		return err
	}
	p.v.Own.Set(name, options.V(s, p.c.codeOrigin()))
	return nil
}

func (p *pyOptionsValues) DelAttr(in *py.Interp, name string) error {
	p.v.Own.Delete(name)
	return nil
}

func (p *pyOptionsValues) GetItem(in *py.Interp, key py.Value) (py.Value, error) {
	s, err := in.Str(key)
	if err != nil {
		return nil, err
	}
	return &pyPackageValues{p.v.Pkg(s), p.c}, nil
}
