package recipe

import (
	"fmt"

	py "github.com/conid/conid/recipe/python"
	"github.com/conid/conid/recipe/ref"
)

// pyRequires is self.requires: callable in requirements(), and a mapping
// of the requirements by name.
type pyRequires struct {
	rs *Requirements
	c  *Conanfile
}

func (p *pyRequires) TypeName() string { return "Requirements" }

func (p *pyRequires) add(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
	if len(args) < 1 {
		return nil, in.TypeError("requires() missing 1 required positional argument: 'reference'")
	}
	if len(args) > 3 {
		return nil, in.TypeError("requires() takes at most 3 positional arguments")
	}
	text := args[0]
	private, override := false, false
	truth := func(v py.Value) (bool, error) { return in.Truth(v) }
	var err error
	if len(args) > 1 {
		if private, err = truth(args[1]); err != nil {
			return nil, err
		}
	}
	if len(args) > 2 {
		if override, err = truth(args[2]); err != nil {
			return nil, err
		}
	}
	for _, k := range kw {
		switch k.Name {
		case "private":
			if private, err = truth(k.Value); err != nil {
				return nil, err
			}
		case "override":
			if override, err = truth(k.Value); err != nil {
				return nil, err
			}
		}
		// Conan 1.65 accepts and ignores Conan 2 traits (headers=,
		// transitive_headers=, visible=, ...).
	}
	if text == py.None {
		return py.None, nil
	}
	s, ok := text.(string)
	if !ok {
		return nil, py.NewException(py.AssertionErrorClass)
	}
	file, line := in.CurrentLine()
	if err := p.rs.Add(s, private, override, file, line); err != nil {
		return nil, refErr(err)
	}
	return py.None, nil
}

// refErr turns a reference or requirement error into ConanException.
func refErr(err error) error {
	switch err.(type) {
	case *ref.Error, *DuplicateError:
		return py.NewException(ConanExceptionClass, err.Error())
	}
	return err
}

func (p *pyRequires) Call(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
	return p.add(in, args, kw)
}

func (p *pyRequires) Len() int { return p.rs.Len() }

func (p *pyRequires) Contains(in *py.Interp, x py.Value) (bool, error) {
	s, err := in.Str(x)
	if err != nil {
		return false, err
	}
	_, ok := p.rs.Get(s)
	return ok, nil
}

func (p *pyRequires) Iter(in *py.Interp) (py.Iterator, error) {
	return in.Iter(strsToList(p.rs.Names()))
}

func (p *pyRequires) GetItem(in *py.Interp, key py.Value) (py.Value, error) {
	s, err := in.Str(key)
	if err != nil {
		return nil, err
	}
	r, ok := p.rs.Get(s)
	if !ok {
		return nil, py.NewException(py.KeyErrorClass, s)
	}
	return &pyRequirement{r}, nil
}

func (p *pyRequires) GetAttr(in *py.Interp, name string) (py.Value, bool, error) {
	switch name {
	case "add":
		return py.NewBuiltin(name, p.add), true, nil
	case "keys":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			return strsToList(p.rs.Names()), nil
		}), true, nil
	case "values", "items":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			var out []py.Value
			for _, r := range p.rs.Values() {
				if name == "items" {
					out = append(out, py.Tuple{r.Ref.Name, &pyRequirement{r}})
				} else {
					out = append(out, &pyRequirement{r})
				}
			}
			return py.NewList(out...), nil
		}), true, nil
	case "get":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			a, err := in.Args(name, args, kw, "key", "default?")
			if err != nil {
				return nil, err
			}
			s, err := in.Str(a[0])
			if err != nil {
				return nil, err
			}
			if r, ok := p.rs.Get(s); ok {
				return &pyRequirement{r}, nil
			}
			if a[1] == nil {
				return py.None, nil
			}
			return a[1], nil
		}), true, nil
	case "override":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			a, err := in.Args(name, args, kw, "ref")
			if err != nil {
				return nil, err
			}
			s, err := in.Str(a[0])
			if err != nil {
				return nil, err
			}
			r, err := ref.Parse(s)
			if err != nil {
				return nil, refErr(err)
			}
			p.rs.Override(r)
			return py.None, nil
		}), true, nil
	}
	return nil, false, nil
}

// pyRequirement is one Requirement object.
type pyRequirement struct{ r *Requirement }

func (p *pyRequirement) TypeName() string { return "Requirement" }
func (p *pyRequirement) Str() string      { return p.r.String() }

func (p *pyRequirement) GetAttr(in *py.Interp, name string) (py.Value, bool, error) {
	switch name {
	case "ref":
		return &pyRef{p.r.Ref}, true, nil
	case "range_ref":
		return &pyRef{p.r.RangeRef}, true, nil
	case "private":
		return p.r.Private, true, nil
	case "override":
		return p.r.Override, true, nil
	case "build_require":
		return p.r.BuildRequire, true, nil
	case "version_range":
		if v, ok := p.r.VersionRange(); ok {
			return v, true, nil
		}
		return py.None, true, nil
	}
	return nil, false, nil
}

// pyRef is a ConanFileReference value.
type pyRef struct{ r ref.Ref }

func (p *pyRef) TypeName() string         { return "ConanFileReference" }
func (p *pyRef) Str() string              { return p.r.String() }
func (p *pyRef) Repr() string             { return p.r.Full() }
func (p *pyRef) HashKey() (string, error) { return py.KeyMark + "r" + p.r.Full(), nil }

func (p *pyRef) Eq(in *py.Interp, other py.Value) (bool, bool, error) {
	o, ok := other.(*pyRef)
	if !ok {
		return false, true, nil
	}
	return o.r == p.r, true, nil
}

// AsTuple is the namedtuple ConanFileReference(name, version, user,
// channel, revision) that Conan's reference is.
func (p *pyRef) AsTuple() py.Tuple {
	return py.Tuple{p.r.Name, &ModelVersion{p.r.Version}, orNoneStr(p.r.User), orNoneStr(p.r.Channel), orNoneStr(p.r.Revision)}
}

func (p *pyRef) Len() int { return 5 }

func (p *pyRef) Iter(in *py.Interp) (py.Iterator, error) { return in.Iter(p.AsTuple()) }

func (p *pyRef) GetItem(in *py.Interp, key py.Value) (py.Value, error) {
	return in.GetItem(p.AsTuple(), key)
}

func orNoneStr(s string) py.Value {
	if s == "" {
		return py.None
	}
	return s
}

func (p *pyRef) GetAttr(in *py.Interp, name string) (py.Value, bool, error) {
	orNone := orNoneStr
	switch name {
	case "full_str":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			s := p.r.NoRevision().String()
			if p.r.Revision != "" {
				s += "#" + p.r.Revision
			}
			return s, nil
		}), true, nil
	case "copy_clear_rev":
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			return &pyRef{p.r.NoRevision()}, nil
		}), true, nil
	case "name":
		return p.r.Name, true, nil
	case "version":
		return &ModelVersion{p.r.Version}, true, nil
	case "user":
		return orNone(p.r.User), true, nil
	case "channel":
		return orNone(p.r.Channel), true, nil
	case "revision":
		return orNone(p.r.Revision), true, nil
	}
	return nil, false, nil
}

// BuildRequire is one build requirement of a node.
type BuildRequire struct {
	Ref       ref.Ref
	Context   string
	ForceHost bool
	File      string
	Line      int
}

type brKey struct{ name, context string }

// BuildRequires are a node's build requirements keyed by (name, context),
// in order (Conan's _RecipeBuildRequires).
type BuildRequires struct {
	keys           []brKey
	m              map[brKey]*BuildRequire
	DefaultContext string
}

// NewBuildRequires returns an empty set.
func NewBuildRequires(defaultContext string) *BuildRequires {
	return &BuildRequires{m: map[brKey]*BuildRequire{}, DefaultContext: defaultContext}
}

// Add adds or replaces a build requirement.
func (b *BuildRequires) Add(br *BuildRequire) {
	k := brKey{br.Ref.Name, br.Context}
	if _, ok := b.m[k]; !ok {
		b.keys = append(b.keys, k)
	}
	b.m[k] = br
}

// Lookup finds by name and context.
func (b *BuildRequires) Lookup(name, context string) (*BuildRequire, bool) {
	br, ok := b.m[brKey{name, context}]
	return br, ok
}

// Replace sets the reference of an existing entry.
func (b *BuildRequires) Replace(name, context string, br *BuildRequire) {
	b.m[brKey{name, context}] = br
}

// All returns the build requirements in order.
func (b *BuildRequires) All() []*BuildRequire {
	out := make([]*BuildRequire, len(b.keys))
	for i, k := range b.keys {
		out[i] = b.m[k]
	}
	return out
}

// Len is the number of entries.
func (b *BuildRequires) Len() int { return len(b.keys) }

// pyBuildRequires is self.build_requires / self.tool_requires inside
// build_requirements(); test_requires forces the host context.
type pyBuildRequires struct {
	b         *BuildRequires
	forceHost bool
}

func (p *pyBuildRequires) TypeName() string { return "_RecipeBuildRequires" }

func (p *pyBuildRequires) Call(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
	a, err := in.Args("build_requires", args, kw, "build_require", "force_host_context?")
	if err != nil {
		// Conan 2 style keyword arguments are ignored by Conan 1.65? No:
		// _RecipeBuildRequires.__call__ only takes force_host_context.
		return nil, err
	}
	force := p.forceHost
	if a[1] != nil {
		if force, err = in.Truth(a[1]); err != nil {
			return nil, err
		}
	}
	file, line := in.CurrentLine()
	return py.None, addBuildRequire(in, p.b, a[0], force, file, line)
}

func addBuildRequire(in *py.Interp, b *BuildRequires, v py.Value, forceHost bool, file string, line int) error {
	if v == py.None {
		return nil
	}
	var r ref.Ref
	switch x := v.(type) {
	case *pyRef:
		r = x.r
	default:
		s, err := in.Str(v)
		if err != nil {
			return err
		}
		if r, err = ref.Parse(s); err != nil {
			return refErr(err)
		}
	}
	ctx := b.DefaultContext
	if forceHost {
		ctx = "host"
	}
	b.Add(&BuildRequire{Ref: r, Context: ctx, ForceHost: forceHost, File: file, Line: line})
	return nil
}

func (p *pyBuildRequires) Str() string {
	s := ""
	for i, br := range p.b.All() {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprintf("%s (%s)", br.Ref.String(), br.Context)
	}
	return s
}
