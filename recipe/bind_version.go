package recipe

import (
	"errors"

	py "github.com/conid/conid/recipe/python"
	"github.com/conid/conid/recipe/version"
)

// versionErr turns a version package error into the Python exception.
func versionErr(err error) error {
	var ve *version.Error
	if errors.As(err, &ve) {
		switch ve.Type {
		case "ValueError":
			return py.NewException(py.ValueErrorClass, ve.Msg)
		case "TypeError":
			return py.NewException(py.TypeErrorClass, ve.Msg)
		}
		return py.NewException(ConanExceptionClass, ve.Msg)
	}
	return err
}

func cmpResult(op string, c int) bool {
	switch op {
	case "<":
		return c == -1
	case "<=":
		return c == -1 || c == 0
	case ">":
		return c == 1
	case ">=":
		return c == 1 || c == 0
	}
	return false
}

// ---- conans.model.version.Version: a str subclass ----

// ModelVersionClass is conans.model.version.Version.
var ModelVersionClass = py.NewHostClass("Version", "conans.model.version", func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
	a, err := in.Args("Version", args, kw, "content")
	if err != nil {
		return nil, err
	}
	s, err := in.Str(a[0])
	if err != nil {
		return nil, err
	}
	return newModelVersion(s), nil
})

func init() {
	ModelVersionClass.Bases = []*py.Class{py.StrType}
	ModelVersionClass.MRO = []*py.Class{ModelVersionClass, py.StrType, py.ObjectClass}
}

// ModelVersion is the value of self.version for recipes in the cache: a
// str that compares as Conan's model Version.
type ModelVersion struct{ S string }

func newModelVersion(s string) *ModelVersion {
	if t, ok := version.Text(s); ok {
		s = t
	}
	return &ModelVersion{S: s}
}

func (m *ModelVersion) PyStr() string            { return m.S }
func (m *ModelVersion) TypeName() string         { return "Version" }
func (m *ModelVersion) PyClass() *py.Class       { return ModelVersionClass }
func (m *ModelVersion) HashKey() (string, error) { return py.StrKey(m.S), nil }

func (m *ModelVersion) cmp(in *py.Interp, other py.Value) (int, error) {
	if other == py.None {
		return 1, nil
	}
	s, err := in.Str(other)
	if err != nil {
		return 0, err
	}
	c, err := version.CompareStrings(m.S, s)
	return c, versionErr(err)
}

func (m *ModelVersion) Eq(in *py.Interp, other py.Value) (bool, bool, error) {
	c, err := m.cmp(in, other)
	return c == 0, true, err
}

func (m *ModelVersion) RichCompare(in *py.Interp, op string, other py.Value) (bool, bool, error) {
	c, err := m.cmp(in, other)
	return cmpResult(op, c), true, err
}

func (m *ModelVersion) GetAttr(in *py.Interp, name string) (py.Value, bool, error) {
	v, err := version.ParseVersion(m.S)
	if err != nil {
		return nil, false, versionErr(err)
	}
	fill := func(args []py.Value, kw []py.Kw) (bool, error) {
		a, err := in.Args(name, args, kw, "fill?")
		if err != nil || a[0] == nil {
			return true, err
		}
		return in.Truth(a[0])
	}
	method := func(fn func(args []py.Value, kw []py.Kw) (string, error)) (py.Value, bool, error) {
		b := py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			s, err := fn(args, kw)
			if err != nil {
				return nil, err
			}
			return newModelVersion(s), nil
		})
		// str(v.major) without the call is the bound method's text.
		self, _ := in.Repr(m.S)
		b.Text = "<bound method Version." + name + " of " + self + ">"
		return b, true, nil
	}
	switch name {
	case "major":
		return method(func(args []py.Value, kw []py.Kw) (string, error) {
			f, err := fill(args, kw)
			return v.Major(f), err
		})
	case "minor":
		return method(func(args []py.Value, kw []py.Kw) (string, error) {
			f, err := fill(args, kw)
			return v.Minor(f), err
		})
	case "patch":
		return method(func(args []py.Value, kw []py.Kw) (string, error) { return v.Patch(), nil })
	case "pre":
		return method(func(args []py.Value, kw []py.Kw) (string, error) { return v.Pre(), nil })
	case "stable":
		return method(func(args []py.Value, kw []py.Kw) (string, error) { return v.Stable(), nil })
	case "build":
		return v.Build(), true, nil
	case "base":
		return newModelVersion(v.Base()), true, nil
	case "as_list":
		items, isNum := v.Items()
		out := make([]py.Value, len(items))
		for i, it := range items {
			if isNum[i] {
				n, err := in.Call(py.IntType, []py.Value{it}, nil)
				if err != nil {
					return nil, false, err
				}
				out[i] = n
			} else {
				out[i] = it
			}
		}
		return py.NewList(out...), true, nil
	case "compatible":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			a, err := in.Args(name, args, kw, "other")
			if err != nil {
				return nil, err
			}
			s, err := in.Str(a[0])
			if err != nil {
				return nil, err
			}
			o, err := version.ParseVersion(s)
			if err != nil {
				return nil, versionErr(err)
			}
			return v.Compatible(o), nil
		}), true, nil
	}
	return nil, false, nil
}

// ---- conans.tools.Version ----

// ToolsVersionClass is conans.client.tools.Version.
var ToolsVersionClass = py.NewHostClass("Version", "conans.client.tools.version", func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
	a, err := in.Args("Version", args, kw, "value")
	if err != nil {
		return nil, err
	}
	return newToolsVersion(in, a[0])
})

type toolsVersion struct{ v version.ToolsVersion }

func newToolsVersion(in *py.Interp, v py.Value) (*toolsVersion, error) {
	if tv, ok := v.(*toolsVersion); ok {
		return tv, nil
	}
	s, err := in.Str(v)
	if err != nil {
		return nil, err
	}
	tv, err := version.ParseToolsVersion(s)
	if err != nil {
		return nil, versionErr(err)
	}
	return &toolsVersion{tv}, nil
}

func (t *toolsVersion) TypeName() string   { return "Version" }
func (t *toolsVersion) PyClass() *py.Class { return ToolsVersionClass }
func (t *toolsVersion) Str() string        { return t.v.String() }

func (t *toolsVersion) Eq(in *py.Interp, other py.Value) (bool, bool, error) {
	o, err := newToolsVersion(in, other)
	if err != nil {
		return false, true, err
	}
	return t.v.Compare(o.v) == 0, true, nil
}

func (t *toolsVersion) RichCompare(in *py.Interp, op string, other py.Value) (bool, bool, error) {
	o, err := newToolsVersion(in, other)
	if err != nil {
		return false, true, err
	}
	return cmpResult(op, t.v.Compare(o.v)), true, nil
}

func (t *toolsVersion) GetAttr(in *py.Interp, name string) (py.Value, bool, error) {
	switch name {
	case "major":
		return t.v.Major(), true, nil
	case "minor":
		return t.v.Minor(), true, nil
	case "patch":
		return t.v.Patch(), true, nil
	case "prerelease":
		return t.v.Prerelease(), true, nil
	case "build":
		return t.v.Build(), true, nil
	}
	return nil, false, nil
}

// ---- conan.tools.scm.Version ----

// ScmVersionClass is conan.tools.scm.Version.
var ScmVersionClass = py.NewHostClass("Version", "conan.tools.scm", func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
	a, err := in.Args("Version", args, kw, "value")
	if err != nil {
		return nil, err
	}
	s, err := in.Str(a[0])
	if err != nil {
		return nil, err
	}
	return &scmVersion{version.ParseScmVersion(s)}, nil
})

type scmVersion struct{ v version.ScmVersion }

func (s *scmVersion) TypeName() string         { return "Version" }
func (s *scmVersion) PyClass() *py.Class       { return ScmVersionClass }
func (s *scmVersion) Str() string              { return s.v.String() }
func (s *scmVersion) Repr() string             { return s.v.String() }
func (s *scmVersion) HashKey() (string, error) { return py.KeyMark + "V" + s.v.String(), nil }

func toScm(in *py.Interp, other py.Value) (*scmVersion, error) {
	if o, ok := other.(*scmVersion); ok {
		return o, nil
	}
	str, err := in.Str(other)
	if err != nil {
		return nil, err
	}
	return &scmVersion{version.ParseScmVersion(str)}, nil
}

func (s *scmVersion) Eq(in *py.Interp, other py.Value) (bool, bool, error) {
	if other == py.None {
		return false, true, nil
	}
	o, err := toScm(in, other)
	if err != nil {
		return false, true, err
	}
	return s.v.Equal(o.v), true, nil
}

func (s *scmVersion) RichCompare(in *py.Interp, op string, other py.Value) (bool, bool, error) {
	if other == py.None {
		// __lt__(None) is False; total_ordering derives the rest.
		switch op {
		case "<", "<=":
			return false, true, nil
		}
		return true, true, nil
	}
	o, err := toScm(in, other)
	if err != nil {
		return false, true, err
	}
	switch op {
	case "<":
		return s.v.Less(o.v), true, nil
	case "<=":
		return s.v.LessEqual(o.v), true, nil
	case ">":
		return s.v.Greater(o.v), true, nil
	}
	return s.v.GreaterEqual(o.v), true, nil
}

func (s *scmVersion) GetAttr(in *py.Interp, name string) (py.Value, bool, error) {
	item := func(it version.Item, ok bool) (py.Value, bool, error) {
		if !ok {
			return py.None, true, nil
		}
		return &scmItem{it}, true, nil
	}
	switch name {
	case "major":
		return item(s.v.Major())
	case "minor":
		return item(s.v.Minor())
	case "patch":
		return item(s.v.Patch())
	case "micro":
		return item(s.v.Micro())
	case "main":
		var t py.Tuple
		for _, it := range s.v.Main() {
			t = append(t, &scmItem{it})
		}
		return t, true, nil
	case "pre":
		if p, ok := s.v.Pre(); ok {
			return &scmVersion{p}, true, nil
		}
		return py.None, true, nil
	case "build":
		if b, ok := s.v.Build(); ok {
			return &scmVersion{b}, true, nil
		}
		return py.None, true, nil
	case "bump", "upper_bound":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			a, err := in.Args(name, args, kw, "index")
			if err != nil {
				return nil, err
			}
			i, ok := a[0].(int64)
			if !ok {
				return nil, in.TypeError("index must be an int")
			}
			var r version.ScmVersion
			if name == "bump" {
				r, err = s.v.Bump(int(i))
			} else {
				r, err = s.v.UpperBound(int(i))
			}
			if err != nil {
				return nil, versionErr(err)
			}
			return &scmVersion{r}, nil
		}), true, nil
	}
	return nil, false, nil
}

// scmItem is a _VersionItem: an int or a str item of a version.
type scmItem struct{ it version.Item }

func (s *scmItem) TypeName() string { return "_VersionItem" }
func (s *scmItem) Str() string      { return s.it.String() }
func (s *scmItem) Repr() string     { return s.it.String() }

func (s *scmItem) HashKey() (string, error) {
	if n, ok := s.it.Int64(); ok {
		return py.HashKeyOf(n)
	}
	return py.StrKey(s.it.String()), nil
}

func (s *scmItem) value() py.Value {
	if n, ok := s.it.Int64(); ok {
		return n
	}
	return s.it.String()
}

func toItem(in *py.Interp, other py.Value) (version.Item, error) {
	if o, ok := other.(*scmItem); ok {
		return o.it, nil
	}
	str, err := in.Str(other)
	if err != nil {
		return version.Item{}, err
	}
	return version.NewItem(str), nil
}

func (s *scmItem) Eq(in *py.Interp, other py.Value) (bool, bool, error) {
	o, err := toItem(in, other)
	if err != nil {
		return false, true, err
	}
	return s.it.Equal(o), true, nil
}

func (s *scmItem) RichCompare(in *py.Interp, op string, other py.Value) (bool, bool, error) {
	o, err := toItem(in, other)
	if err != nil {
		return false, true, err
	}
	lt, eq := s.it.Less(o), s.it.Equal(o)
	switch op {
	case "<":
		return lt, true, nil
	case "<=":
		return lt || eq, true, nil
	case ">":
		return !lt && !eq, true, nil
	}
	return !lt, true, nil
}

func (s *scmItem) GetAttr(in *py.Interp, name string) (py.Value, bool, error) {
	if name == "value" {
		return s.value(), true, nil
	}
	return nil, false, nil
}

// Int is int(item).
func (s *scmItem) Int(in *py.Interp) (py.Value, error) {
	return in.Call(py.IntType, []py.Value{s.value()}, nil)
}

func (s *scmItem) BinaryOp(in *py.Interp, op py.Operator, other py.Value, reflected bool) (py.Value, bool, error) {
	if op != py.OpAdd || reflected {
		return nil, false, nil
	}
	r, err := in.BinaryOp(op, s.value(), other)
	return r, true, err
}
