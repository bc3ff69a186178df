package recipe

import (
	"fmt"
	"path/filepath"
	"strings"

	py "github.com/conid/conid/recipe/python"
	"github.com/conid/conid/recipe/ref"
)

// PyRequire is one python_require of a recipe (Conan's PyRequire): the
// reference it resolved to, with its recipe revision, and the loaded
// recipe, whose module the requiring recipe uses.
type PyRequire struct {
	Ref    ref.Ref
	Recipe *Recipe
}

// PyRequireResolver resolves a python_requires reference text (an exact
// reference or a version range) and loads its recipe, as Conan's
// PyRequireLoader does with the graph's proxy and range resolver.
type PyRequireResolver func(text string) (PyRequire, error)

// pythonRequires is what a recipe with python_requires holds: Conan's
// PyRequires, the direct ones by name in order, then the transitive ones
// (the python_requires of those).
type pythonRequires struct {
	direct, transitive []namedPyRequire
}

type namedPyRequire struct {
	name string
	req  PyRequire
}

// indexOf is the position of name in l, or -1.
func indexOf(l []namedPyRequire, name string) int {
	for i, n := range l {
		if n.name == name {
			return i
		}
	}
	return -1
}

func (p *pythonRequires) get(name string) (PyRequire, bool) {
	for _, l := range [][]namedPyRequire{p.direct, p.transitive} {
		if i := indexOf(l, name); i >= 0 {
			return l[i].req, true
		}
	}
	return PyRequire{}, false
}

// all is Conan's all_items(): direct ones, then transitive ones not
// named directly.
func (p *pythonRequires) all() []namedPyRequire {
	out := append([]namedPyRequire(nil), p.direct...)
	for _, t := range p.transitive {
		if indexOf(p.direct, t.name) < 0 {
			out = append(out, t)
		}
	}
	return out
}

// PythonRequires returns the references a recipe's package ID hashes
// (Conan's all_refs(): direct, then transitive), nil without any.
func (r *Recipe) PythonRequires() []ref.Ref {
	if r == nil || r.pyReqs == nil {
		return nil
	}
	var out []ref.Ref
	for _, n := range r.pyReqs.direct {
		out = append(out, n.req.Ref)
	}
	for _, n := range r.pyReqs.transitive {
		out = append(out, n.req.Ref)
	}
	return out
}

// loadPythonRequires is Conan's load_py_requires: resolve each reference
// of the class's python_requires, load those recipes, extend the class
// with python_requires_extend's base classes, and replace the attribute
// by the object recipes index by name.
func (l *Loader) loadPythonRequires(r *Recipe, class *py.Class, v py.Value) error {
	if _, legacy := v.(*py.Dict); legacy {
		return nil // legacy python_requires do not reach here in 1.65
	}
	var texts []string
	switch x := v.(type) {
	case string:
		texts = []string{x}
	default:
		items, err := l.In.ToList(v)
		if err != nil {
			return err
		}
		for _, it := range items {
			s, ok := it.(string)
			if !ok {
				return fmt.Errorf("python_requires must be references, not %s", py.TypeName(it))
			}
			texts = append(texts, s)
		}
	}
	reqs := &pythonRequires{}
	for _, text := range texts {
		pr, err := l.ResolvePyRequire(text)
		if err != nil {
			return err
		}
		if indexOf(reqs.direct, pr.Ref.Name) >= 0 {
			return fmt.Errorf("The python_require '%s' already exists", pr.Ref.Name)
		}
		reqs.direct = append(reqs.direct, namedPyRequire{pr.Ref.Name, pr})
		if sub := pr.Recipe.pyReqs; sub != nil {
			for _, t := range sub.all() {
				if i := indexOf(reqs.direct, t.name); i >= 0 && reqs.direct[i].req.Ref != t.req.Ref {
					return fmt.Errorf("Conflict in py_requires %s - %s", reqs.direct[i].req.Ref.Full(), t.req.Ref.Full())
				}
				if i := indexOf(reqs.transitive, t.name); i >= 0 {
					reqs.transitive[i] = t
				} else {
					reqs.transitive = append(reqs.transitive, t)
				}
			}
		}
	}
	if ext, ok, err := l.In.GetAttrOpt(class, "python_requires_extend"); err != nil {
		return err
	} else if ok && ext != py.None {
		var names []string
		if s, isStr := ext.(string); isStr {
			names = []string{s}
		} else {
			items, err := l.In.ToList(ext)
			if err != nil {
				return err
			}
			for _, it := range items {
				s, err := l.In.Str(it)
				if err != nil {
					return err
				}
				names = append(names, s)
			}
		}
		for _, n := range names {
			i := strings.LastIndexByte(n, '.')
			if i < 0 {
				return fmt.Errorf("python_requires_extend %q is not 'package.Class'", n)
			}
			pkg, clsName := n[:i], n[i+1:]
			pr, ok := reqs.get(pkg)
			if !ok {
				return fmt.Errorf("'%s' is not a python_require", pkg)
			}
			base, ok := pr.Recipe.Module.Dict.Get(clsName)
			if !ok {
				return fmt.Errorf("module '%s' has no attribute '%s'", pr.Recipe.Module.Name, clsName)
			}
			bc, isClass := base.(*py.Class)
			if !isClass {
				return fmt.Errorf("python_requires_extend %q is not a class", n)
			}
			// conanfile.__bases__ = (base_class,) + conanfile.__bases__
			if err := class.SetBases(append([]*py.Class{bc}, class.Bases...)); err != nil {
				return err
			}
		}
	}
	class.Dict.Set("python_requires", &pyPyRequires{reqs, l})
	r.pyReqs = reqs
	return nil
}

// pyPyRequires is self.python_requires.
type pyPyRequires struct {
	p *pythonRequires
	l *Loader
}

func (x *pyPyRequires) TypeName() string { return "PyRequires" }

func (x *pyPyRequires) GetItem(in *py.Interp, key py.Value) (py.Value, error) {
	name, err := in.Str(key)
	if err != nil {
		return nil, err
	}
	pr, ok := x.p.get(name)
	if !ok {
		return nil, py.NewException(ConanExceptionClass, fmt.Sprintf("'%s' is not a python_require", name))
	}
	return &pyPyRequire{pr, x.l}, nil
}

func (x *pyPyRequires) GetAttr(in *py.Interp, name string) (py.Value, bool, error) {
	switch name {
	case "all_refs":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			var out []py.Value
			for _, l := range [][]namedPyRequire{x.p.direct, x.p.transitive} {
				for _, n := range l {
					out = append(out, &pyRef{n.req.Ref})
				}
			}
			return py.NewList(out...), nil
		}), true, nil
	case "items", "all_items":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			list := x.p.direct
			if name == "all_items" {
				list = x.p.all()
			}
			out := make([]py.Value, len(list))
			for i, n := range list {
				out[i] = py.Tuple{n.name, &pyPyRequire{n.req, x.l}}
			}
			return py.NewList(out...), nil
		}), true, nil
	}
	return nil, false, nil
}

// pyPyRequire is one python_require: its module, reference, folder, and
// an instance of its recipe's class.
type pyPyRequire struct {
	r PyRequire
	l *Loader
}

func (x *pyPyRequire) TypeName() string { return "PyRequire" }

func (x *pyPyRequire) GetAttr(in *py.Interp, name string) (py.Value, bool, error) {
	switch name {
	case "module":
		return x.r.Recipe.Module, true, nil
	case "ref":
		return &pyRef{x.r.Ref}, true, nil
	case "path":
		return filepath.Dir(x.r.Recipe.Path), true, nil
	case "conanfile":
		// Conan's _load_pyreq_conanfile: one instance per reference, its
		// name and version those of the reference.
		if obj, ok := x.l.pyReqObjs[x.r.Ref]; ok {
			return obj, true, nil
		}
		c, err := x.l.Instantiate(x.r.Recipe, InstanceParams{Ref: x.r.Ref, DisplayName: x.r.Ref.String()})
		if err != nil {
			return nil, false, err
		}
		c.SetAttr("name", x.r.Ref.Name)
		c.SetAttr("version", x.r.Ref.Version)
		if x.l.pyReqObjs == nil {
			x.l.pyReqObjs = map[ref.Ref]*py.Instance{}
		}
		x.l.pyReqObjs[x.r.Ref] = c.Obj
		return c.Obj, true, nil
	}
	return nil, false, nil
}
