package recipe

import (
	"fmt"
	"strings"

	py "github.com/conid/conid/recipe/python"
	"github.com/conid/conid/recipe/ref"
)

// Dependency is one entry of self.dependencies: a dependency of a node and
// the traits of how it is required (Conan 1.65's dependencies model).
type Dependency struct {
	Ref       ref.Ref
	Conanfile *Conanfile
	Build     bool
	Direct    bool
	Test      bool
	Visible   bool
}

// pyDependencies is self.dependencies (ConanFileDependencies).
type pyDependencies struct {
	deps   []Dependency
	filter map[string]bool
}

func (p *pyDependencies) TypeName() string { return "ConanFileDependencies" }
func (p *pyDependencies) Truth() bool      { return len(p.deps) > 0 }
func (p *pyDependencies) Len() int         { return len(p.deps) }

// lookup finds a dependency by reference text ("zlib" or "zlib/1.2.13")
// and build trait, as Requirement equality does (name and build only).
func (p *pyDependencies) lookup(in *py.Interp, key py.Value, kw []py.Kw) (*Dependency, error) {
	s, err := in.Str(key)
	if err != nil {
		return nil, err
	}
	name := s
	if strings.Contains(s, "/") {
		r, err := ref.Parse(s)
		if err != nil {
			return nil, refErr(err)
		}
		name = r.Name
	}
	build := false
	if v, ok := p.filter["build"]; ok {
		build = v
	}
	for _, k := range kw {
		if k.Name == "build" {
			if build, err = in.Truth(k.Value); err != nil {
				return nil, err
			}
		}
	}
	for i := range p.deps {
		if p.deps[i].Ref.Name == name && p.deps[i].Build == build {
			return &p.deps[i], nil
		}
	}
	return nil, nil
}

func (p *pyDependencies) GetItem(in *py.Interp, key py.Value) (py.Value, error) {
	d, err := p.lookup(in, key, nil)
	if err != nil {
		return nil, err
	}
	if d == nil {
		s, _ := in.Str(key)
		return nil, py.NewException(py.KeyErrorClass, fmt.Sprintf("'%s' not found in the dependency set", s))
	}
	return &pyConanfileInterface{d.Conanfile, d.Ref}, nil
}

func (p *pyDependencies) Contains(in *py.Interp, x py.Value) (bool, error) {
	d, err := p.lookup(in, x, nil)
	return d != nil, err
}

func (p *pyDependencies) sub(f map[string]bool) *pyDependencies {
	out := &pyDependencies{filter: f}
	for _, d := range p.deps {
		ok := true
		for k, v := range f {
			var have bool
			switch k {
			case "build":
				have = d.Build
			case "direct":
				have = d.Direct
			case "test":
				have = d.Test
			case "visible":
				have = d.Visible
			}
			if have != v {
				ok = false
			}
		}
		if ok {
			out.deps = append(out.deps, d)
		}
	}
	return out
}

func (p *pyDependencies) GetAttr(in *py.Interp, name string) (py.Value, bool, error) {
	switch name {
	case "get":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			if len(args) != 1 {
				return nil, in.TypeError("get() takes one positional argument")
			}
			d, err := p.lookup(in, args[0], kw)
			if err != nil || d == nil {
				return py.None, err
			}
			return &pyConanfileInterface{d.Conanfile, d.Ref}, nil
		}), true, nil
	case "items", "values":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			var out []py.Value
			for _, d := range p.deps {
				ci := &pyConanfileInterface{d.Conanfile, d.Ref}
				if name == "items" {
					out = append(out, py.Tuple{&pyDepRequirement{d}, ci})
				} else {
					out = append(out, ci)
				}
			}
			return py.NewList(out...), nil
		}), true, nil
	case "filter":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			if len(args) != 1 {
				return nil, in.TypeError("filter() takes one argument")
			}
			d, ok := args[0].(*py.Dict)
			if !ok {
				return nil, in.TypeError("filter() needs a dict")
			}
			f := map[string]bool{}
			keys, vals := d.Items()
			for i, k := range keys {
				ks, _ := in.Str(k)
				t, err := in.Truth(vals[i])
				if err != nil {
					return nil, err
				}
				f[ks] = t
			}
			return p.sub(f), nil
		}), true, nil
	case "direct_host":
		return p.sub(map[string]bool{"build": false, "direct": true, "test": false}), true, nil
	case "direct_build":
		return p.sub(map[string]bool{"build": true, "direct": true}), true, nil
	case "host":
		return p.sub(map[string]bool{"build": false, "test": false}), true, nil
	case "test":
		return p.sub(map[string]bool{"build": false, "test": true}), true, nil
	case "build":
		return p.sub(map[string]bool{"build": true}), true, nil
	}
	return nil, false, nil
}

// pyDepRequirement is the key of a dependencies item.
type pyDepRequirement struct{ d Dependency }

func (r *pyDepRequirement) TypeName() string { return "Requirement" }

func (r *pyDepRequirement) GetAttr(in *py.Interp, name string) (py.Value, bool, error) {
	switch name {
	case "ref":
		return &pyRef{r.d.Ref}, true, nil
	case "build":
		return r.d.Build, true, nil
	case "direct":
		return r.d.Direct, true, nil
	case "test":
		return r.d.Test, true, nil
	case "visible":
		return r.d.Visible, true, nil
	}
	return nil, false, nil
}

// pyConanfileInterface is the read-only view of a dependency.
type pyConanfileInterface struct {
	c   *Conanfile
	ref ref.Ref
}

func (p *pyConanfileInterface) TypeName() string { return "ConanFileInterface" }
func (p *pyConanfileInterface) Str() string      { return p.c.DisplayName }

func (p *pyConanfileInterface) Eq(in *py.Interp, other py.Value) (bool, bool, error) {
	o, ok := other.(*pyConanfileInterface)
	return ok && o.c == p.c, true, nil
}

func (p *pyConanfileInterface) GetAttr(in *py.Interp, name string) (py.Value, bool, error) {
	c := p.c
	switch name {
	case "ref":
		return &pyRef{p.ref}, true, nil
	case "settings":
		return &pySettings{s: c.Settings}, true, nil
	case "settings_build":
		if c.SettingsBuild == nil {
			return nil, false, nil
		}
		return &pySettings{s: c.SettingsBuild}, true, nil
	case "options":
		return &pyOptions{c.Options, c}, true, nil
	case "context":
		return c.Context, true, nil
	case "package_folder", "package_path":
		return py.None, true, nil
	case "recipe_folder":
		if c.Recipe == nil {
			return py.None, true, nil
		}
		return dirOf(c.Recipe.Path), true, nil
	case "dependencies":
		if c.Dependencies == nil {
			return &pyDependencies{}, true, nil
		}
		v, err := c.Dependencies()
		return v, err == nil, err
	case "cpp_info", "buildenv_info", "runenv_info", "conf_info", "pref":
		return nil, false, in.Unsupportedf("dependency %s.%s while computing a graph", c.DisplayName, name)
	}
	return nil, false, nil
}

// NewDependencies builds the Python object of self.dependencies.
func NewDependencies(deps []Dependency) py.Value { return &pyDependencies{deps: deps} }

func dirOf(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[:i]
	}
	return "."
}
