package recipe

import (
	"fmt"
	"slices"

	"github.com/conid/conid/packageid"
	py "github.com/conid/conid/recipe/python"
)

// SetInfo installs self.info (and self.info_build for build_id()).
func (c *Conanfile) SetInfo(info *packageid.Info) {
	c.Info = info
	c.SetAttr("info", &pyInfo{info: info, c: c})
	c.SetAttr("compatible_packages", &pyCompatibles{c})
}

// pyInfo is self.info (Conan's ConanInfo), or a clone of it.
type pyInfo struct {
	info  *packageid.Info
	c     *Conanfile
	clone bool // self.info.clone(): changes are not the recipe's record
}

// pyCompatibles is self.compatible_packages: the infos of binaries the
// recipe declares compatible, tried in order when its own is missing.
type pyCompatibles struct{ c *Conanfile }

func (p *pyCompatibles) TypeName() string { return "list" }
func (p *pyCompatibles) Len() int         { return len(p.c.CompatiblePackages) }

func (p *pyCompatibles) GetAttr(in *py.Interp, name string) (py.Value, bool, error) {
	if name != "append" {
		return nil, false, nil
	}
	return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
		a, err := in.Args("append", args, kw, "object")
		if err != nil {
			return nil, err
		}
		i, ok := a[0].(*pyInfo)
		if !ok {
			return nil, in.Unsupportedf("appending a %s to self.compatible_packages", py.TypeName(a[0]))
		}
		p.c.CompatiblePackages = append(p.c.CompatiblePackages, i.info)
		return py.None, nil
	}), true, nil
}

func (p *pyInfo) TypeName() string { return "ConanInfo" }

func (p *pyInfo) modeFrom() string {
	file, line := p.c.Loader.In.CurrentLine()
	return fmt.Sprintf("package_id() at %s:%d", file, line)
}

func (p *pyInfo) GetAttr(in *py.Interp, name string) (py.Value, bool, error) {
	info := p.info
	method := func(fn func() error) (py.Value, bool, error) {
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			noteChange(in, "info", "", name, "")
			return py.None, fn()
		}), true, nil
	}
	switch name {
	case "settings":
		// Recipes may write to them: this info's own copy.
		track := "info.settings"
		if p.clone {
			track = ""
		}
		return &pyValues{v: info.OwnSettings(), track: track}, true, nil
	case "conf":
		if p.c.infoConf != nil && !p.clone {
			return p.c.infoConf, true, nil
		}
		return nil, false, nil
	case "clone":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			return &pyInfo{info: info.Clone(), c: p.c, clone: true}, nil
		}), true, nil
	case "full_settings":
		// Recipes may write to it: this info's own copy.
		return &pyValues{v: info.OwnFullSettings()}, true, nil
	case "options":
		return &pyOptionsValues{v: info.Options, c: p.c}, true, nil
	case "full_options":
		return &pyOptionsValues{v: info.FullOptions, c: p.c}, true, nil
	case "requires":
		return &pyReqsInfo{p}, true, nil
	case "full_requires":
		var out []py.Value
		for _, pr := range info.FullRequires {
			out = append(out, pr.Full())
		}
		return py.NewList(out...), true, nil
	case "invalid":
		if info.Invalid == "" {
			return py.None, true, nil
		}
		return info.Invalid, true, nil
	case "header_only", "clear":
		return method(func() error { info.Clear(); return nil })
	case "shared_library_package_id":
		return method(func() error { return p.sharedLibraryPackageID() })
	case "vs_toolset_compatible":
		return method(func() error { packageid.VSToolsetCompatible(info); return nil })
	case "vs_toolset_incompatible":
		return method(func() error { packageid.VSToolsetIncompatible(info); return nil })
	case "discard_build_settings":
		return method(func() error { packageid.DiscardBuildSettings(info); return nil })
	case "include_build_settings":
		return method(func() error { packageid.IncludeBuildSettings(info); return nil })
	case "default_std_matching":
		return method(func() error { packageid.DefaultStdMatching(info); return nil })
	case "default_std_non_matching":
		return method(func() error { packageid.DefaultStdNonMatching(info); return nil })
	case "python_requires":
		return &pyPythonRequiresInfo{p}, true, nil
	}
	return nil, false, nil
}

func (p *pyInfo) SetAttr(in *py.Interp, name string, v py.Value) error {
	if name == "invalid" {
		if v == py.None {
			p.info.Invalid = ""
			return nil
		}
		s, err := in.Str(v)
		if err != nil {
			return err
		}
		p.info.Invalid = s
		return nil
	}
	if name == "conf" {
		// Conan's documented way to make [conf] part of the ID:
		// self.info.conf = self.conf.
		c, ok := v.(*pyConf)
		if !ok {
			return in.Unsupportedf("setting self.info.conf to a %s", py.TypeName(v))
		}
		// The same object: its text is taken when package_id() ends
		// (CallPackageID), as Conan hashes it then.
		p.c.infoConf = c
		return nil
	}
	return in.Unsupportedf("setting self.info.%s", name)
}

// sharedLibraryPackageID is ConanInfo.shared_library_package_id.
func (p *pyInfo) sharedLibraryPackageID() error {
	info := p.info
	shared, ok := info.FullOptions.Own.Get("shared")
	if !ok || !truthy(shared.Str) {
		return nil
	}
	for _, name := range info.Requires.Names() {
		dep, _ := info.FullOptions.Lookup(name)
		dshared, ok := dep.Get("shared")
		if dep == nil || !ok || !truthy(dshared.Str) {
			r, err := info.Requires.Get(name)
			if err != nil {
				return conanErr(err)
			}
			if err := r.ApplyMode("package_revision_mode", "shared_library_package_id() at "+p.modeFrom()); err != nil {
				return conanErr(err)
			}
		}
	}
	return nil
}

func truthy(s string) bool {
	v := &OptionValue{s}
	return v.Truth()
}

// pyPythonRequiresInfo is self.info.python_requires (Conan's
// PythonRequiresInfo): a mode renders every python_require's line again;
// unrelated_mode() and clear() drop them from the ID. Without
// python_requires its list is None, and a mode fails as in Conan.
type pyPythonRequiresInfo struct{ p *pyInfo }

func (x *pyPythonRequiresInfo) TypeName() string { return "PythonRequiresInfo" }
func (x *pyPythonRequiresInfo) Truth() bool      { return len(x.p.info.PythonRequireRefs) > 0 }

func (x *pyPythonRequiresInfo) GetAttr(in *py.Interp, name string) (py.Value, bool, error) {
	info := x.p.info
	if name == "clear" || name == "unrelated_mode" {
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			info.PythonRequires, info.PythonRequireRefs = nil, nil
			return py.None, nil
		}), true, nil
	}
	if !slices.Contains(packageid.PythonRequiresModes, name) {
		return nil, false, nil
	}
	return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
		if info.PythonRequireRefs == nil {
			return nil, in.TypeError("'NoneType' object is not iterable")
		}
		lines, err := packageid.PythonRequiresLines(info.PythonRequireRefs, name)
		if err != nil {
			return nil, conanErr(err)
		}
		info.PythonRequires = lines
		return py.None, nil
	}), true, nil
}

// pyValues is a node of info.settings (Conan's Values): missing children
// read as None.
type pyValues struct {
	v           *packageid.Values
	track, path string // as in pySettings
}

func (p *pyValues) note(in *py.Interp, field, op, value string) {
	if p.track != "" {
		noteChange(in, p.track, p.path+field, op, value)
	}
}

func (p *pyValues) TypeName() string { return "Values" }
func (p *pyValues) Str() string      { return p.v.Value() }

// Repr is object.__repr__: Conan's Values defines none.
func (p *pyValues) Repr() string { return objectRepr("conans.model.values.Values", p) }
func (p *pyValues) Truth() bool  { return p.v.Truth() }

func (p *pyValues) Eq(in *py.Interp, other py.Value) (bool, bool, error) {
	s, err := in.Str(other)
	if err != nil {
		return false, true, err
	}
	return s == p.v.Value(), true, nil
}

func (p *pyValues) GetAttr(in *py.Interp, name string) (py.Value, bool, error) {
	switch name {
	case "clear":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			p.note(in, "", "clear", "")
			p.v.Clear()
			return py.None, nil
		}), true, nil
	case "fields":
		return strsToList(p.v.Fields()), true, nil
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
			for _, nv := range p.v.AsList(true) {
				if nv.Name == s {
					return nv.Value, nil
				}
			}
			return py.None, nil
		}), true, nil
	case "copy":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			return &pyValues{v: p.v.Copy()}, nil
		}), true, nil
	case "dumps":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			return p.v.Dumps(), nil
		}), true, nil
	case "rm_safe":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			return nil, in.Unsupportedf("self.info.settings.rm_safe (Conan 1.65 has no such method)")
		}), true, nil
	case "value":
		return p.v.Value(), true, nil
	}
	if len(name) > 0 && name[0] == '_' {
		return nil, false, nil
	}
	if c := p.v.Get(name); c != nil {
		return &pyValues{v: c, track: p.track, path: p.path + name + "."}, true, nil
	}
	return py.None, true, nil
}

func (p *pyValues) SetAttr(in *py.Interp, name string, v py.Value) error {
	s, err := in.Str(v)
	if err != nil {
		return err
	}
	p.note(in, name, "set", s)
	p.v.Set(name, s)
	return nil
}

func (p *pyValues) DelAttr(in *py.Interp, name string) error {
	p.note(in, name, "del", "")
	p.v.Del(name)
	return nil
}

// pyReqsInfo is self.info.requires (Conan's RequirementsInfo).
type pyReqsInfo struct{ p *pyInfo }

func (r *pyReqsInfo) TypeName() string { return "RequirementsInfo" }

func (r *pyReqsInfo) GetItem(in *py.Interp, key py.Value) (py.Value, error) {
	s, err := in.Str(key)
	if err != nil {
		return nil, err
	}
	ri, err := r.p.info.Requires.Get(s)
	if err != nil {
		return nil, conanErr(err)
	}
	return &pyReqInfo{ri, r.p}, nil
}

func (r *pyReqsInfo) Contains(in *py.Interp, x py.Value) (bool, error) {
	return false, in.TypeError("argument of type 'RequirementsInfo' is not iterable")
}

func (r *pyReqsInfo) GetAttr(in *py.Interp, name string) (py.Value, bool, error) {
	rs := r.p.info.Requires
	if name == "unrelated_mode" {
		// RequirementsInfo.unrelated_mode clears the requirements.
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			rs.Clear()
			return py.None, nil
		}), true, nil
	}
	if packageid.ValidMode(name) && name != "semver" {
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			return py.None, conanErr(rs.ApplyModeAll(name, r.p.modeFrom()))
		}), true, nil
	}
	switch name {
	case "clear":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			rs.Clear()
			return py.None, nil
		}), true, nil
	case "remove":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			var names []string
			for _, a := range args {
				s, err := in.Str(a)
				if err != nil {
					return nil, err
				}
				names = append(names, s)
			}
			return py.None, conanErr(rs.Remove(names...))
		}), true, nil
	case "pkg_names":
		return strsToList(rs.Names()), true, nil
	case "refs":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			var out []py.Value
			for _, pr := range rs.Prefs() {
				out = append(out, pr.Full())
			}
			return py.NewList(out...), nil
		}), true, nil
	}
	return nil, false, nil
}

// pyReqInfo is one RequirementInfo.
type pyReqInfo struct {
	r *packageid.Requirement
	p *pyInfo
}

func (x *pyReqInfo) TypeName() string { return "RequirementInfo" }

func strOrNone(s string) py.Value {
	if s == "" {
		return py.None
	}
	return s
}

func (x *pyReqInfo) GetAttr(in *py.Interp, name string) (py.Value, bool, error) {
	if packageid.ValidMode(name) {
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			return py.None, conanErr(x.r.ApplyMode(name, x.p.modeFrom()))
		}), true, nil
	}
	r := x.r
	full := r.Pref.Ref
	switch name {
	case "name":
		return strOrNone(r.Name), true, nil
	case "version":
		if r.Version == "" {
			return py.None, true, nil
		}
		return newModelVersion(r.Version), true, nil
	case "user":
		return strOrNone(r.User), true, nil
	case "channel":
		return strOrNone(r.Channel), true, nil
	case "package_id":
		return strOrNone(r.PackageID), true, nil
	case "recipe_revision":
		return strOrNone(r.RecipeRevision), true, nil
	case "package_revision":
		return strOrNone(r.PackageRevision), true, nil
	case "full_name":
		return full.Name, true, nil
	case "full_version":
		return newModelVersion(full.Version), true, nil
	case "full_user":
		return strOrNone(full.User), true, nil
	case "full_channel":
		return strOrNone(full.Channel), true, nil
	case "full_recipe_revision":
		return strOrNone(full.Revision), true, nil
	case "full_package_id":
		return strOrNone(r.Pref.PackageID), true, nil
	case "full_package_revision":
		return strOrNone(r.Pref.Revision), true, nil
	case "dumps":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			return r.Dumps(), nil
		}), true, nil
	}
	return nil, false, nil
}

func (x *pyReqInfo) SetAttr(in *py.Interp, name string, v py.Value) error {
	s := ""
	if v != py.None {
		var err error
		if s, err = in.Str(v); err != nil {
			return err
		}
	}
	r := x.r
	switch name {
	case "name":
		r.Name = s
	case "version":
		r.Version = s
	case "user":
		r.User = s
	case "channel":
		r.Channel = s
	case "package_id":
		r.PackageID = s
	case "recipe_revision":
		r.RecipeRevision = s
	case "package_revision":
		r.PackageRevision = s
	default:
		return in.Unsupportedf("setting RequirementInfo.%s", name)
	}
	r.Mode, r.ModeFrom = "custom", "package_id() sets "+name+" at "+x.p.modeFrom()
	return nil
}
