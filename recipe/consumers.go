package recipe

import (
	"fmt"
	"strings"

	"github.com/conid/conid/options"
	py "github.com/conid/conid/recipe/python"
	"github.com/conid/conid/recipe/ref"
	"github.com/conid/conid/settings"
)

// pyOutput is self.output: lines go to the loader's Output.
type pyOutput struct{ c *Conanfile }

func (o *pyOutput) TypeName() string { return "ScopedOutput" }

func (o *pyOutput) GetAttr(in *py.Interp, name string) (py.Value, bool, error) {
	prefix := map[string]string{"info": "", "success": "", "highlight": "", "warn": "WARN: ", "warning": "WARN: ", "error": "ERROR: ", "write": "", "writeln": "", "rewrite_line": ""}
	p, ok := prefix[name]
	if !ok {
		return nil, false, nil
	}
	return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
		var parts []string
		for _, a := range args {
			s, err := in.Str(a)
			if err != nil {
				return nil, err
			}
			parts = append(parts, s)
		}
		if o.c.Loader.Output != nil {
			scope := o.c.DisplayName
			if scope != "" {
				scope += ": "
			}
			o.c.Loader.Output(scope + p + strings.Join(parts, " "))
		}
		return py.None, nil
	}), true, nil
}

// NewTxt creates the consumer of a conanfile.txt (Conan's
// _parse_conan_txt). settings are the processed profile settings with
// "&" package settings applied; user are the profile's user options.
func (l *Loader) NewTxt(t *TxtFile, displayName string, s *settings.Settings, user *options.Values) (*Conanfile, error) {
	c := &Conanfile{Loader: l, Txt: t, DisplayName: displayName, Develop: true}
	c.Settings = s.CopyValues()
	c.Options = options.New(options.NewPackageOptions(nil))
	c.Requires = NewRequirements()
	for _, r := range t.Requires {
		rf, err := ref.Parse(r.Text)
		if err != nil {
			return nil, &TxtError{t.Path, r.Line, err.Error()}
		}
		if err := c.Requires.AddRef(rf, false, false, t.Path, r.Line); err != nil {
			return nil, &TxtError{t.Path, r.Line, err.Error()}
		}
	}
	for _, r := range t.BuildRequires {
		if _, err := ref.Parse(r.Text); err != nil {
			return nil, &TxtError{t.Path, r.Line, err.Error()}
		}
	}
	if l := nonEmpty(t.Layout); len(l) == 1 {
		switch name := strings.TrimSpace(l[0].Text); name {
		case "cmake_layout", "vs_layout", "bazel_layout":
		default:
			// Conan's words (no folder prefix), then where.
			return nil, fmt.Errorf("Unknown predefined layout '%s' declared in conanfile.txt (%s:%d)", name, t.Path, l[0].Line)
		}
	}
	for _, g := range t.Generators {
		c.Generators = append(c.Generators, g.Text)
	}
	var entries []options.Entry
	for _, o := range t.Options {
		k, v, found := strings.Cut(o.Text, "=")
		if !found {
			return nil, &TxtError{t.Path, o.Line, "Error while parsing [options] in conanfile\nOptions should be specified as 'pkg:option=value'"}
		}
		entries = append(entries, options.Entry{Key: strings.TrimSpace(k), Value: strings.TrimSpace(v),
			Origin: &options.Origin{Layer: options.LayerConanfileTxt, File: t.Path, Line: o.Line}})
	}
	if err := c.Options.SetValues(options.ParseValues(entries)); err != nil {
		return nil, &TxtError{t.Path, 0, "Error while parsing [options] in conanfile\nOptions should be specified as 'pkg:option=value'"}
	}
	if err := c.Options.InitializeUpstream(user, ""); err != nil {
		return nil, err
	}
	return c, nil
}

// NewVirtual creates the virtual consumer of "conan lock create
// --reference" and "conan info <ref>" (Conan's load_virtual).
func (l *Loader) NewVirtual(refs []ref.Ref, s *settings.Settings, user *options.Values, buildRequire bool) (*Conanfile, error) {
	c := &Conanfile{Loader: l, DisplayName: "virtual"}
	c.Settings = s.CopyValues()
	c.Options = options.New(options.NewPackageOptions(nil))
	c.Requires = NewRequirements()
	if buildRequire {
		c.virtualBuildRequires = refs
	} else {
		for _, r := range refs {
			if err := c.Requires.AddRef(r, false, false, "", 0); err != nil {
				return nil, err
			}
		}
	}
	if err := c.Options.InitializeUpstream(user, ""); err != nil {
		return nil, err
	}
	return c, nil
}

// IsConsumerTxt reports whether this is a conanfile.txt consumer.
func (c *Conanfile) IsConsumerTxt() bool { return c.Txt != nil }

// IsVirtual reports whether this is the virtual consumer.
func (c *Conanfile) IsVirtual() bool { return c.Obj == nil && c.Txt == nil }

// String is the display name.
func (c *Conanfile) String() string { return c.DisplayName }
