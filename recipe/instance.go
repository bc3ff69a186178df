package recipe

import (
	"fmt"
	"strings"

	"github.com/conid/conid/options"
	py "github.com/conid/conid/recipe/python"
	"github.com/conid/conid/recipe/python/syntax"
	"github.com/conid/conid/recipe/ref"
	"github.com/conid/conid/settings"
)

// InstanceParams says how to create a conanfile instance.
type InstanceParams struct {
	// Ref gives name, version, user and channel for recipes from a cache
	// (Conan's load_conanfile); zero for a consumer conanfile.py.
	Ref ref.Ref
	// User and Channel for a consumer.
	User, Channel string
	// DisplayName as Conan shows the node.
	DisplayName string
	// Settings: a copy of the profile's processed settings, with the
	// package's own per-package settings already applied; or, with
	// SharedSettings, the profile's own, which the instance copies (what
	// its constraint keeps of them) and never changes.
	Settings       *settings.Settings
	SharedSettings bool
	Develop        bool
	Consumer       bool
}

// New creates an instance of a recipe and initializes it as Conan's
// loader does: init(), name/version, options and default_options,
// requires, and the settings constraint.
func (l *Loader) New(r *Recipe, p InstanceParams) (*Conanfile, error) {
	c, err := l.Instantiate(r, p)
	if err != nil {
		return nil, err
	}
	if err := c.initialize(p.Settings, p.SharedSettings); err != nil {
		return nil, err
	}
	return c, nil
}

// Instantiate is the first half of New: the object, init(), and name
// and version (running set_name() and set_version() for a consumer).
// Initialize completes it.
func (l *Loader) Instantiate(r *Recipe, p InstanceParams) (*Conanfile, error) {
	c := &Conanfile{Recipe: r, Loader: l, User: p.Ref.User, Channel: p.Ref.Channel, DisplayName: p.DisplayName, Develop: p.Develop}
	if p.Consumer {
		c.User, c.Channel = p.User, p.Channel
	}
	c.Obj = &py.Instance{Class: r.Class, Dict: py.NewNamespaceSize(16), Host: c}
	c.SetAttr("display_name", p.DisplayName)
	c.SetAttr("output", &pyOutput{c: c})
	// The sinks and folders are made when first used (see
	// newConanFileClass), or now where the recipe's class has an
	// attribute of the name: the instance's hides it, as in Conan.
	for _, n := range lazyNames {
		if _, owner, ok := r.Class.Lookup(n); ok && owner != ConanFileClass {
			c.SetAttr(n, newLazyAttr(n))
		}
	}
	if p.Develop {
		c.SetAttr("develop", true)
	}
	if p.Consumer {
		c.SetAttr("in_local_cache", false)
	}
	if c.HasMethod("init") {
		if err := c.Call("init"); err != nil {
			return nil, err
		}
	}
	if p.Ref.Name != "" {
		c.Name, c.Version = p.Ref.Name, p.Ref.Version
		c.SetAttr("name", p.Ref.Name)
		c.SetAttr("version", newModelVersion(p.Ref.Version))
	} else {
		if s, ok, err := c.StrAttr("name"); err != nil {
			return nil, err
		} else if ok {
			c.Name = s
		}
		if s, ok, err := c.StrAttr("version"); err != nil {
			return nil, err
		} else if ok {
			c.Version = s
		}
		if p.Consumer {
			for _, m := range []string{"set_name", "set_version"} {
				if !c.HasMethod(m) {
					continue
				}
				prev := c.DisplayName
				c.DisplayName = "conanfile.py"
				err := c.Call(m)
				c.DisplayName = prev
				if err != nil {
					return nil, err
				}
			}
			if s, ok, err := c.StrAttr("name"); err != nil {
				return nil, err
			} else if ok {
				c.Name = s
			}
			if s, ok, err := c.StrAttr("version"); err != nil {
				return nil, err
			} else if ok {
				c.Version = s
			}
		}
	}
	return c, nil
}

// Initialize is the second half of New: options, requirements and
// settings (a copy of the profile's, with per-package settings applied).
func (c *Conanfile) Initialize(s *settings.Settings) error { return c.initialize(s, false) }

// SetDisplayName changes the name the instance is shown with.
func (c *Conanfile) SetDisplayName(name string) {
	c.DisplayName = name
	c.SetAttr("display_name", name)
}

// initialize is Conan's ConanFile.initialize.
func (c *Conanfile) initialize(s *settings.Settings, shared bool) error {
	in := c.Loader.In
	if g, ok, _ := c.Attr("generators"); ok {
		if str, isStr := g.(string); isStr {
			c.SetAttr("generators", py.NewList(str))
		}
	}
	opts, err := c.createOptions()
	if err != nil {
		return fmt.Errorf("Error while initializing options. %w", err)
	}
	c.Options = opts
	reqs, err := c.createRequirements()
	if err != nil {
		return fmt.Errorf("Error while initializing requirements. %w", err)
	}
	c.Requires = reqs
	def, _, err := c.Attr("settings")
	if err != nil {
		return err
	}
	cons, err := parseConstraint(in, def)
	if err == nil {
		if shared {
			s, err = s.CopyConstrained(cons)
		} else {
			err = s.Constrain(cons)
		}
		err = conanErr(err)
	}
	if err != nil {
		msg := err.Error()
		if exc, ok := err.(*py.Exception); ok {
			msg = exc.Message()
		}
		return &InvalidConfigError{Msg: fmt.Sprintf("The recipe %s is constraining settings. %s", c.DisplayName, msg)}
	}
	c.Settings = s
	if d, ok, _ := c.Attr("description"); ok && d != py.None {
		if _, isStr := d.(string); !isStr {
			return fmt.Errorf("Recipe 'description' must be a string.")
		}
	}
	c.SetAttr("settings", &pySettings{s: s, track: "settings"})
	c.SetAttr("options", &pyOptions{opts, c})
	c.SetAttr("requires", &pyRequires{reqs, c})
	return nil
}

// attrLine finds the line of "name = ..." in the recipe class body.
func (c *Conanfile) attrLine(name string) int {
	if c.Recipe == nil {
		return 0
	}
	return c.Recipe.attrLine(name)
}

func (r *Recipe) attrLine(name string) int {
	r.attrOnce.Do(func() {
		if mod, err := syntax.Parse(r.Path, r.Source); err == nil {
			r.attrs = classAttrs(mod, r.Class.Name)
		}
	})
	for i := len(r.attrs) - 1; i >= 0; i-- { // the last assignment wins
		if r.attrs[i].name == name {
			return int(r.attrs[i].line)
		}
	}
	return 0
}

// attrAt is an attribute assignment in a class body.
type attrAt struct {
	name string
	line int32
}

// classAttrs lists the assignments to names in the body of a class, in
// order. A recipe asks for the lines of two or three, once each: a short
// list serves that without a table, or keeping the parsed module.
func classAttrs(mod *syntax.Module, class string) []attrAt {
	var out []attrAt
	for _, s := range mod.Body {
		cd, ok := s.(*syntax.ClassDef)
		if !ok || cd.Name != class {
			continue
		}
		for _, st := range cd.Body {
			switch a := st.(type) {
			case *syntax.Assign:
				for _, t := range a.Targets {
					if n, ok := t.(*syntax.Name); ok {
						out = append(out, attrAt{n.ID, a.Position().Line})
					}
				}
			case *syntax.AnnAssign:
				if n, ok := a.Target.(*syntax.Name); ok {
					out = append(out, attrAt{n.ID, a.Position().Line})
				}
			}
		}
	}
	return out
}

// createOptions reads the options and default_options attributes.
func (c *Conanfile) createOptions() (*options.Options, error) {
	in := c.Loader.In
	defv, _, err := c.Attr("options")
	if err != nil {
		return nil, err
	}
	defs, err := optionDefinitions(in, defv)
	if err != nil {
		return nil, err
	}
	po := options.NewPackageOptions(defs)
	po.Ref = c.refName()
	o := options.New(po)
	if c.Loader.NoOptionLog {
		o.Unlogged()
	}
	dv, _, err := c.Attr("default_options")
	if err != nil {
		return nil, err
	}
	if t, err := in.Truth(orNone(dv)); err != nil || !t {
		return o, err
	}
	file := ""
	if c.Recipe != nil {
		file = c.Recipe.Path
	}
	origin := &options.Origin{Layer: options.LayerRecipeDefault, Ref: c.refName(), File: file, Line: c.attrLine("default_options")}
	entries, err := defaultOptionEntries(in, dv, origin)
	if err != nil {
		return nil, err
	}
	if err := o.SetValues(options.ParseValues(entries)); err != nil {
		return nil, err
	}
	return o, nil
}

func orNone(v py.Value) py.Value {
	if v == nil {
		return py.None
	}
	return v
}

// optionDefinitions reads an options = {...} attribute.
func optionDefinitions(in *py.Interp, v py.Value) ([]options.Definition, error) {
	if v == nil || v == py.None {
		return nil, nil
	}
	if t, err := in.Truth(v); err != nil || !t {
		return nil, err
	}
	d, ok := v.(*py.Dict)
	if !ok {
		return nil, fmt.Errorf("'%s' object has no attribute 'items'", py.TypeName(v))
	}
	keys, vals := d.Items()
	var defs []options.Definition
	for i, k := range keys {
		name, err := in.Str(k)
		if err != nil {
			return nil, err
		}
		def := options.Definition{Name: name}
		if s, isStr := vals[i].(string); isStr && s == "ANY" {
			def.Any = true
		} else {
			items, err := in.ToList(vals[i])
			if err != nil {
				return nil, err
			}
			for _, it := range items {
				s, err := in.Str(it)
				if err != nil {
					return nil, err
				}
				def.Possible = append(def.Possible, s)
			}
		}
		defs = append(defs, def)
	}
	return defs, nil
}

// defaultOptionEntries converts default_options in its dict, tuple,
// list-of-pairs or multi-line string forms, as Conan's OptionsValues.
func defaultOptionEntries(in *py.Interp, v py.Value, origin *options.Origin) ([]options.Entry, error) {
	var pairs [][2]py.Value
	switch x := v.(type) {
	case *py.Dict:
		keys, vals := x.Items()
		pairs = make([][2]py.Value, 0, len(keys))
		for i := range keys {
			pairs = append(pairs, [2]py.Value{keys[i], vals[i]})
		}
	case py.Tuple:
		for _, it := range x {
			s, ok := it.(string)
			if !ok {
				return nil, fmt.Errorf("'%s' object has no attribute 'split'", py.TypeName(it))
			}
			k, val, found := strings.Cut(s, "=")
			if !found {
				return nil, fmt.Errorf("not enough values to unpack (expected 2, got 1)")
			}
			pairs = append(pairs, [2]py.Value{k, val})
		}
	case *py.List:
		for _, it := range x.Items {
			items, err := in.ToList(it)
			if err != nil {
				return nil, err
			}
			if len(items) != 2 {
				if len(items) > 2 {
					return nil, fmt.Errorf("too many values to unpack (expected 2)")
				}
				return nil, fmt.Errorf("not enough values to unpack (expected 2, got %d)", len(items))
			}
			pairs = append(pairs, [2]py.Value{items[0], items[1]})
		}
	case string:
		for _, line := range strings.Split(x, "\n") {
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			k, val, found := strings.Cut(line, "=")
			if !found {
				return nil, fmt.Errorf("not enough values to unpack (expected 2, got 1)")
			}
			pairs = append(pairs, [2]py.Value{k, val})
		}
	default:
		return nil, fmt.Errorf("Please define your default_options as list, multiline string or dictionary")
	}
	out := make([]options.Entry, 0, len(pairs))
	var origins []options.Origin // one allocation for all
	if origin != nil {
		origins = make([]options.Origin, len(pairs))
	}
	for i, p := range pairs {
		k, ok := p[0].(string)
		if !ok {
			return nil, fmt.Errorf("'%s' object has no attribute 'strip'", py.TypeName(p[0]))
		}
		var val string
		if s, isStr := p[1].(string); isStr {
			val = strings.TrimSpace(s)
		} else {
			var err error
			if val, err = in.Str(p[1]); err != nil {
				return nil, err
			}
		}
		var o *options.Origin
		if origin != nil {
			o = &origins[i]
			*o = *origin
			if strings.Count(strings.TrimSpace(k), ":") == 1 {
				o.Layer = options.LayerConsumerDefault
			}
		}
		out = append(out, options.Entry{Key: k, Value: val, Origin: o})
	}
	return out, nil
}

// createRequirements reads the requires attribute.
func (c *Conanfile) createRequirements() (*Requirements, error) {
	in := c.Loader.In
	rs := NewRequirements()
	v, ok, err := c.Attr("requires")
	if err != nil || !ok || v == py.None {
		return rs, err
	}
	if t, err := in.Truth(v); err != nil || !t {
		return rs, err
	}
	file := ""
	if c.Recipe != nil {
		file = c.Recipe.Path
	}
	line := c.attrLine("requires")
	add := func(item py.Value) error {
		if t, ok := item.(py.Tuple); ok {
			if len(t) == 0 {
				return fmt.Errorf("tuple index out of range")
			}
			private, override := false, false
			for _, flag := range t[1:] {
				switch flag {
				case "override":
					override = true
				case "private":
					private = true
				default:
					s, _ := in.Str(flag)
					return fmt.Errorf("Unknown requirement config %s", s)
				}
			}
			s, ok := t[0].(string)
			if !ok {
				return fmt.Errorf("requirement must be a string")
			}
			return rs.Add(s, private, override, file, line)
		}
		if item == py.None {
			return nil
		}
		s, ok := item.(string)
		if !ok {
			return fmt.Errorf("requirement must be a string, not %s", py.TypeName(item))
		}
		return rs.Add(s, false, false, file, line)
	}
	switch x := v.(type) {
	case py.Tuple:
		for _, it := range x {
			if err := add(it); err != nil {
				return nil, err
			}
		}
	case *py.List:
		for _, it := range x.Items {
			if err := add(it); err != nil {
				return nil, err
			}
		}
	default:
		if err := add(x); err != nil {
			return nil, err
		}
	}
	return rs, nil
}

// SetupBuildRequirements is Conan's _get_recipe_build_requires: it reads
// the build_requires/tool_requires attributes into a fresh set, installs
// self.build_requires, self.tool_requires and self.test_requires, and
// runs build_requirements().
func (c *Conanfile) SetupBuildRequirements(defaultContext string) (*BuildRequires, error) {
	b := NewBuildRequires(defaultContext)
	if c.Obj != nil {
		in := c.Loader.In
		for _, attr := range []string{"build_requires", "tool_requires"} {
			v, ok, err := c.Attr(attr)
			if err != nil {
				return nil, err
			}
			if !ok || v == py.None {
				continue
			}
			if _, isB := v.(*pyBuildRequires); isB {
				continue
			}
			var items []py.Value
			switch x := v.(type) {
			case *py.List:
				items = x.Items
			case py.Tuple:
				items = x
			default:
				items = []py.Value{x}
			}
			file := ""
			if c.Recipe != nil {
				file = c.Recipe.Path
			}
			for _, it := range items {
				if err := addBuildRequire(in, b, it, false, file, c.attrLine(attr)); err != nil {
					return nil, err
				}
			}
		}
		c.SetAttr("build_requires", &pyBuildRequires{b: b})
		c.SetAttr("tool_requires", &pyBuildRequires{b: b})
		c.SetAttr("test_requires", &pyBuildRequires{b: b, forceHost: true})
		if c.HasMethod("build_requirements") {
			if err := c.Call("build_requirements"); err != nil {
				return nil, err
			}
		}
	} else if c.Txt != nil {
		for _, l := range c.Txt.BuildRequires {
			r, err := ref.Parse(l.Text)
			if err != nil {
				return nil, &TxtError{c.Txt.Path, l.Line, err.Error()}
			}
			b.Add(&BuildRequire{Ref: r, Context: defaultContext, File: c.Txt.Path, Line: l.Line})
		}
	} else {
		for _, br := range c.virtualBuildRequires {
			b.Add(&BuildRequire{Ref: br, Context: defaultContext})
		}
	}
	c.BuildRequires = b
	return b, nil
}
