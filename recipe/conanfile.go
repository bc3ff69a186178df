package recipe

import (
	"fmt"
	"strings"

	"github.com/conid/conid/options"
	"github.com/conid/conid/packageid"
	py "github.com/conid/conid/recipe/python"
	"github.com/conid/conid/recipe/ref"
	"github.com/conid/conid/settings"
)

// Conanfile is one instance of a recipe, for one node of a graph: the
// Python object and the Go model behind self.settings, self.options,
// self.requires and self.info.
type Conanfile struct {
	Recipe *Recipe // nil for conanfile.txt and virtual consumers
	Loader *Loader
	Obj    *py.Instance

	Name, Version    string
	User, Channel    string
	DisplayName      string
	Settings         *settings.Settings
	Options          *options.Options
	Requires         *Requirements
	BuildRequires    *BuildRequires
	Info             *packageid.Info
	InfoBuild        *packageid.Info
	Develop          bool
	Generators       []string
	SettingsBuild    *settings.Settings
	SettingsTarget   *settings.Settings
	Context          string
	BuildRequiresOpt func() *options.Values // options kept for build requirements

	// Ref is the node's reference (self.ref), revision included.
	Ref ref.Ref

	// CompatiblePackages are self.compatible_packages: Conan's built-in
	// ones (msvc as Visual Studio, apple-clang 13 as 13.0), then those
	// package_id() appends.
	CompatiblePackages []*packageid.Info
	// OriginalInfo is the info before package_id() (Conan's
	// original_info), which compatibility() results start from.
	OriginalInfo *packageid.Info
	// infoConf is what package_id() set as self.info.conf.
	infoConf *pyConf
	// Conf is what self.conf answers.
	Conf Conf

	// Dependencies, when set by the graph, gives self.dependencies.
	Dependencies func() (py.Value, error)

	// State the graph keeps between evaluations of requirements().
	OriginalRequires  *Requirements
	EvaluatedRequires *Requirements

	// Txt is set for conanfile.txt consumers.
	Txt *TxtFile

	method string // recipe method being run

	virtualBuildRequires []ref.Ref

	// SettingsPattern is the profile's per-package settings pattern
	// ("zlib", "&", "zl*") whose values this package got, if any.
	SettingsPattern string

	// Changes are what recipe code did to self.settings and self.info, in
	// order, with the line that did it: explain reads them.
	Changes []Change
}

// ConanFileClass is the base class recipes derive from.
var ConanFileClass = newConanFileClass()

func newConanFileClass() *py.Class {
	c := py.MustClass("ConanFile", py.ObjectClass)
	c.Module = "conans.model.conan_file"
	c.NewHost = func() any { return &Conanfile{} }
	d := c.Dict
	for _, n := range []string{"name", "version", "url", "license", "author", "description", "topics", "homepage",
		"build_policy", "upload_policy", "exports", "exports_sources", "default_channel", "default_user",
		"settings", "options", "default_options", "provides", "deprecated", "folders", "patterns", "win_bash",
		"win_bash_run", "tested_reference_str", "package_type", "python_requires_extend"} {
		d.Set(n, py.None)
	}
	d.Set("short_paths", false)
	d.Set("apply_env", true)
	d.Set("generators", py.NewList("txt"))
	d.Set("revision_mode", "hash")
	d.Set("should_configure", true)
	d.Set("should_build", true)
	d.Set("should_install", true)
	d.Set("should_test", true)
	d.Set("in_local_cache", true)
	d.Set("develop", false)
	d.Set("no_copy_source", false)
	noop := func(name string) {
		d.Set(name, py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) { return py.None, nil }))
	}
	for _, n := range []string{"config_options", "configure", "package_id", "source", "build", "package", "package_info", "system_requirements"} {
		noop(n)
	}
	unsupported := func(name string) {
		d.Set(name, py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			return nil, in.Unsupportedf("self.%s() while computing a graph", name)
		}))
	}
	unsupported("collect_libs")
	d.Set("run", py.NewBuiltin("run", conanfileRun))
	d.Set("test", py.NewBuiltin("test", func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
		return nil, py.NewException(ConanExceptionClass, "You need to create a method 'test' in your test/conanfile.py")
	}))
	d.Set("__repr__", py.NewBuiltin("__repr__", func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
		return cf(args[0]).DisplayName, nil
	}))
	// Attributes a graph computation never reads, yet recipes may
	// write anything to (Conan's MockInfoProperty and friends): made on
	// first use, then held by the instance.
	for _, n := range lazyNames {
		d.Set(n, &py.HostProperty{
			Get: func(in *py.Interp, self *py.Instance) (py.Value, error) {
				v := newLazyAttr(n)
				self.Dict.Set(n, v)
				return v, nil
			},
			Set: func(in *py.Interp, self *py.Instance, v py.Value) error {
				self.Dict.Set(n, v)
				return nil
			},
		})
	}
	prop := func(name string, get func(in *py.Interp, c *Conanfile) (py.Value, error)) {
		d.Set(name, &py.HostProperty{Get: func(in *py.Interp, self *py.Instance) (py.Value, error) {
			return get(in, cf(self))
		}})
	}
	prop("user", func(in *py.Interp, c *Conanfile) (py.Value, error) {
		if c.User != "" {
			return c.User, nil
		}
		if v, ok, _ := in.GetAttrOpt(c.Obj.Class, "default_user"); ok {
			if s, isStr := v.(string); isStr && s != "" {
				c.User = s
				return s, nil
			}
		}
		return nil, py.NewException(ConanExceptionClass, "user not defined, but self.user is used in conanfile")
	})
	prop("channel", func(in *py.Interp, c *Conanfile) (py.Value, error) {
		if c.Channel != "" {
			return c.Channel, nil
		}
		if v, ok, _ := in.GetAttrOpt(c.Obj.Class, "default_channel"); ok {
			if s, isStr := v.(string); isStr && s != "" {
				c.Channel = s
				return s, nil
			}
		}
		return nil, py.NewException(ConanExceptionClass, "channel not defined, but self.channel is used in conanfile")
	})
	prop("context", func(in *py.Interp, c *Conanfile) (py.Value, error) { return c.Context, nil })
	prop("conf", func(in *py.Interp, c *Conanfile) (py.Value, error) { return &pyConf{&c.Conf}, nil })
	prop("dependencies", func(in *py.Interp, c *Conanfile) (py.Value, error) {
		if c.Dependencies == nil {
			return nil, in.Unsupportedf("self.dependencies outside validate(), generate() or package_id()")
		}
		return c.Dependencies()
	})
	for _, n := range []string{"deps_cpp_info", "deps_env_info", "deps_user_info", "env", "buildenv", "runenv"} {
		name := n
		prop(name, func(in *py.Interp, c *Conanfile) (py.Value, error) {
			return nil, in.Unsupportedf("self.%s while computing a graph", name)
		})
	}
	prop("ref", func(in *py.Interp, c *Conanfile) (py.Value, error) { return &pyRef{c.Ref}, nil })
	for _, n := range []string{"source_folder", "build_folder", "package_folder", "install_folder", "generators_folder", "export_folder", "export_sources_folder", "imports_folder"} {
		prop(n, func(in *py.Interp, c *Conanfile) (py.Value, error) { return py.None, nil })
	}
	for _, n := range []string{"source_path", "build_path", "package_path", "generators_path", "export_path", "export_sources_path"} {
		name := n
		prop(name, func(in *py.Interp, c *Conanfile) (py.Value, error) {
			return nil, py.NewException(py.AssertionErrorClass, fmt.Sprintf("`%s` is `None`", strings.TrimSuffix(name, "_path")+"_folder"))
		})
	}
	prop("build_policy_missing", func(in *py.Interp, c *Conanfile) (py.Value, error) {
		v, _ := in.GetAttr(c.Obj, "build_policy")
		return v == "missing", nil
	})
	prop("build_policy_always", func(in *py.Interp, c *Conanfile) (py.Value, error) {
		v, _ := in.GetAttr(c.Obj, "build_policy")
		return v == "always", nil
	})
	return c
}

func cf(v py.Value) *Conanfile {
	if inst, ok := v.(*py.Instance); ok {
		if c, ok := inst.Host.(*Conanfile); ok {
			return c
		}
	}
	return &Conanfile{}
}

// Attr reads an attribute of the instance (instance, then class).
func (c *Conanfile) Attr(name string) (py.Value, bool, error) {
	if c.Obj == nil {
		// conanfile.txt and virtual consumers are bare ConanFile objects
		v, _, ok := ConanFileClass.Lookup(name)
		return v, ok, nil
	}
	return c.Loader.In.GetAttrOpt(c.Obj, name)
}

// StrAttr reads a string attribute; ok is false for None or missing.
func (c *Conanfile) StrAttr(name string) (string, bool, error) {
	v, ok, err := c.Attr(name)
	if err != nil || !ok || v == py.None {
		return "", false, err
	}
	s, err := c.Loader.In.Str(v)
	return s, err == nil, err
}

// HasMethod reports whether the recipe (not the base class) defines a
// callable attribute, as Conan's hasattr(conanfile, name).
func (c *Conanfile) HasMethod(name string) bool {
	if c.Obj == nil {
		return false
	}
	if _, ok := c.Obj.Dict.Get(name); ok {
		return true
	}
	_, owner, ok := c.Obj.Class.Lookup(name)
	return ok && owner != ConanFileClass && owner != py.ObjectClass
}

// Call runs a recipe method by name, formatting errors as Conan does. It
// does nothing when the method does not exist.
func (c *Conanfile) Call(method string) error {
	_, err := c.CallResult(method)
	return err
}

// SetAttr sets an instance attribute.
func (c *Conanfile) SetAttr(name string, v py.Value) {
	if c.Obj != nil {
		c.Obj.Dict.Set(name, v)
	}
}

// CallResult runs a recipe method by name and returns what it returned
// (nil when the method does not exist).
func (c *Conanfile) CallResult(method string) (py.Value, error) {
	if c.Obj == nil {
		return nil, nil
	}
	m, ok, err := c.Loader.In.GetAttrOpt(c.Obj, method)
	if err != nil {
		return nil, c.wrapMethodError(method, err)
	}
	if !ok {
		return nil, nil
	}
	prev, prevActive := c.method, c.Loader.active
	c.method, c.Loader.active = method, c
	v, err := c.Loader.In.Call(m, nil, nil)
	c.method, c.Loader.active = prev, prevActive
	if err != nil {
		return nil, c.wrapMethodError(method, err)
	}
	return v, nil
}

// Compatibility runs compatibility() (Conan's BinaryCompatibility): each
// element is a dict whose "settings" (a list of (name, value)) update a
// clone of the original info, and so do its "options".
func (c *Conanfile) Compatibility() ([]*packageid.Info, error) {
	if !c.HasMethod("compatibility") || c.OriginalInfo == nil {
		return nil, nil
	}
	v, err := c.CallResult("compatibility")
	if err != nil || v == nil || v == py.None {
		return nil, err
	}
	in := c.Loader.In
	if t, err := in.Truth(v); err != nil || !t {
		return nil, err
	}
	elems, err := in.ToList(v)
	if err != nil {
		return nil, c.wrapMethodError("compatibility", err)
	}
	// pairs reads one key of an element: a list of (name, value).
	pairs := func(e py.Value, key string) ([]packageid.NameValue, error) {
		v, err := in.CallMethod(e, "get", []py.Value{key}, nil)
		if err != nil {
			return nil, c.wrapMethodError("compatibility", err)
		}
		if t, _ := in.Truth(v); !t {
			return nil, nil
		}
		items, err := in.ToList(v)
		if err != nil {
			return nil, c.wrapMethodError("compatibility", err)
		}
		out := make([]packageid.NameValue, len(items))
		for i, it := range items {
			kv, err := in.ToList(it)
			if err != nil || len(kv) != 2 {
				if key == "options" { // OptionsValues takes other shapes too
					return nil, in.Unsupportedf("options in compatibility() other than (name, value) pairs")
				}
				return nil, c.wrapMethodError("compatibility", fmt.Errorf("a setting must be a (name, value) pair"))
			}
			out[i].Name, _ = in.Str(kv[0])
			out[i].Value, _ = in.Str(kv[1])
		}
		return out, nil
	}
	var out []*packageid.Info
	for _, e := range elems {
		info := c.OriginalInfo.Clone()
		nvs, err := pairs(e, "settings")
		if err != nil {
			return nil, err
		}
		if !info.OwnSettings().UpdateValues(nvs) {
			return nil, c.wrapMethodError("compatibility", fmt.Errorf("'NoneType' object has no attribute"))
		}
		// OptionsValues(options): "dep:name" for a dependency's; they
		// update the clone's option values.
		opts, err := pairs(e, "options")
		if err != nil {
			return nil, err
		}
		for _, nv := range opts {
			if pkg, name, scoped := strings.Cut(nv.Name, ":"); scoped {
				info.Options.Pkg(pkg).Set(name, options.Value{Str: nv.Value})
			} else {
				info.Options.Own.Set(nv.Name, options.Value{Str: nv.Value})
			}
		}
		out = append(out, info)
	}
	return out, nil
}

// CallPackageID runs package_id() with self.info installed; a Conf it
// set as self.info.conf is hashed as it is at the end. ran is false
// when the recipe has no package_id() (the base class's does nothing).
func (c *Conanfile) CallPackageID() (ran bool, err error) {
	c.infoConf = nil
	if !c.HasMethod("package_id") {
		return false, nil
	}
	if err := c.Call("package_id"); err != nil {
		return true, err
	}
	if c.infoConf != nil && c.Info != nil {
		text, err := c.infoConf.c.dumps(c.Loader.In)
		if err != nil {
			return true, err
		}
		c.Info.Conf = &text
	}
	return true, nil
}

// CallCatchingInvalid runs validate() or validate_build(): a
// ConanInvalidConfiguration is returned as a message (Conan marks the
// package invalid instead of failing).
func (c *Conanfile) CallCatchingInvalid(method string) (msg string, invalid bool, err error) {
	if c.Obj == nil {
		return "", false, nil
	}
	m, ok, err := c.Loader.In.GetAttrOpt(c.Obj, method)
	if err != nil || !ok {
		return "", false, c.wrapMethodError(method, err)
	}
	prev, prevActive := c.method, c.Loader.active
	c.method, c.Loader.active = method, c
	_, err = c.Loader.In.Call(m, nil, nil)
	c.method, c.Loader.active = prev, prevActive
	if exc, isExc := err.(*py.Exception); isExc && exc.IsInstance(ConanInvalidConfigurationClass) {
		return exc.Message(), true, nil
	}
	if err != nil {
		return "", false, c.wrapMethodError(method, err)
	}
	return "", false, nil
}

// InstallSettingsBuild exposes SettingsBuild (and SettingsTarget) to
// Python, as Conan does only when a build profile is given.
func (c *Conanfile) InstallSettingsBuild() {
	if c.Obj == nil {
		return
	}
	if c.SettingsBuild != nil {
		c.SetAttr("settings_build", &pySettings{s: c.SettingsBuild})
	}
	if c.SettingsTarget != nil {
		c.SetAttr("settings_target", &pySettings{s: c.SettingsTarget})
	} else {
		c.SetAttr("settings_target", py.None)
	}
}

// ResetRequires reinstalls self.requires after the graph restores the
// original requirements before running requirements() again.
func (c *Conanfile) ResetRequires() {
	if c.Obj != nil {
		c.SetAttr("requires", &pyRequires{c.Requires, c})
	}
}

// Provides is make_tuple(self.provides or self.name), or nil for None.
func (c *Conanfile) Provides() py.Value {
	if c.Obj == nil {
		return nil
	}
	v, ok, _ := c.Attr("provides")
	if ok && v != py.None {
		if t, _ := c.Loader.In.Truth(v); t {
			if s, isStr := v.(string); isStr {
				return py.Tuple{s}
			}
			return v
		}
	}
	if c.Name != "" {
		return py.Tuple{c.Name}
	}
	return nil
}

// FixProvides is what Conan does after configure():
// self.provides = make_tuple(self.provides or self.name). From then on
// the instance holds a tuple (a recipe appending to a class-level list
// in configure() fails when configure() runs again, as in Conan).
func (c *Conanfile) FixProvides() {
	if c.Obj == nil {
		return
	}
	v := c.Provides()
	if v == nil {
		c.SetAttr("provides", py.None)
		return
	}
	if _, ok := v.(py.Tuple); !ok {
		if items, err := c.Loader.In.ToList(v); err != nil {
			v = py.Tuple{v} // not iterable: make_tuple wraps it
		} else {
			v = py.Tuple(items)
		}
	}
	c.SetAttr("provides", v)
}

// ProvidesJust reports whether the recipe provides name and nothing
// else, as ProvidesItems would list it: most recipes provide their own
// name alone, which this tells without listing it.
func (c *Conanfile) ProvidesJust(name string) bool {
	t, ok := c.Provides().(py.Tuple)
	if !ok || len(t) != 1 {
		return false
	}
	s, ok := t[0].(string)
	return ok && s == name
}

// ProvidesItems lists what the recipe provides, as text (nil for None).
func (c *Conanfile) ProvidesItems() ([]string, error) {
	v := c.Provides()
	if v == nil {
		return nil, nil
	}
	var items []py.Value
	switch t := v.(type) {
	case py.Tuple: // as FixProvides leaves it
		items = t
	default:
		var err error
		if items, err = c.Loader.In.ToList(v); err != nil {
			items = []py.Value{v}
		}
	}
	var err error
	out := make([]string, len(items))
	for i, it := range items {
		if out[i], err = c.Loader.In.Str(it); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// BuildID computes the build ID when the recipe has build_id(), as
// Conan's installer.build_id; "" otherwise.
func (c *Conanfile) BuildID() (string, error) {
	if !c.HasMethod("build_id") || c.Info == nil {
		return "", nil
	}
	b := c.Info.CopyForBuild()
	c.InfoBuild = b
	c.SetAttr("info_build", &pyInfo{info: b, c: c})
	if err := c.Call("build_id"); err != nil {
		return "", err
	}
	return b.PackageID().ID, nil
}

// objectRepr is Python's default repr of an instance of class (module
// and name), its address the Go object's.
func objectRepr(class string, p any) string {
	return fmt.Sprintf("<%s object at %p>", class, p)
}
