package recipe

import (
	py "github.com/conid/conid/recipe/python"
)

// sink stands for objects that only build, package and layout steps fill
// (self.cpp, self.cpp_info, self.layouts, self.buildenv_info...): any
// attribute or item can be read and written, calls do nothing. They never
// reach a package ID or a graph decision: using one as a condition is an
// unsupported construct.
type sink struct {
	name  string
	attrs map[string]py.Value
}

// lazyNames are the instance attributes made on first use: the sinks and
// self.folders, which only layout() touches.
var lazyNames = []string{"cpp", "layouts", "cpp_info", "buildenv_info", "runenv_info", "conf_info", "user_info", "env_info", "folders"}

// newLazyAttr makes one of lazyNames.
func newLazyAttr(name string) py.Value {
	if name == "folders" {
		return newFolders()
	}
	return newSink(name)
}

func newSink(name string) *sink { return &sink{name: name, attrs: map[string]py.Value{}} }

func (s *sink) TypeName() string { return s.name }

func (s *sink) GetAttr(in *py.Interp, name string) (py.Value, bool, error) {
	if v, ok := s.attrs[name]; ok {
		return v, true, nil
	}
	v := newSink(s.name + "." + name)
	s.attrs[name] = v
	return v, true, nil
}

func (s *sink) SetAttr(in *py.Interp, name string, v py.Value) error {
	s.attrs[name] = v
	return nil
}

func (s *sink) DelAttr(in *py.Interp, name string) error {
	delete(s.attrs, name)
	return nil
}

func (s *sink) GetItem(in *py.Interp, key py.Value) (py.Value, error) {
	k, err := in.Str(key)
	if err != nil {
		return nil, err
	}
	return s.GetAttrValue(in, "["+k+"]"), nil
}

// GetAttrValue is GetAttr without the flags.
func (s *sink) GetAttrValue(in *py.Interp, name string) py.Value {
	v, _, _ := s.GetAttr(in, name)
	return v
}

func (s *sink) SetItem(in *py.Interp, key, v py.Value) error {
	k, err := in.Str(key)
	if err != nil {
		return err
	}
	s.attrs["["+k+"]"] = v
	return nil
}

func (s *sink) Call(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
	return py.None, nil
}

func (s *sink) Iter(in *py.Interp) (py.Iterator, error) { return in.Iter(py.Tuple{}) }

func (s *sink) Str() string { return "<" + s.name + ">" }

// folders is Conan's Folders, with its defaults.
func newFolders() *py.Instance {
	ns := py.NewNamespaceSize(16)
	for _, k := range []string{"source", "build", "package", "generators", "imports"} {
		ns.Set(k, "")
	}
	for _, k := range []string{"root", "subproject", "build_folder_vars", "base_source", "base_build", "base_package", "base_install", "base_generators", "base_imports", "base_export", "base_export_sources"} {
		ns.Set(k, py.None)
	}
	return &py.Instance{Class: foldersClass, Dict: ns}
}

var foldersClass = py.MustClass("Folders", py.ObjectClass)
