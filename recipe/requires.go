package recipe

import (
	"fmt"
	"slices"
	"strings"

	"github.com/conid/conid/internal/strindex"
	"github.com/conid/conid/recipe/ref"
)

// Requirement is one requirement of a recipe (Conan's Requirement): a
// reference plus how it is required. Ref is what the graph resolves to;
// RangeRef keeps the reference as written (with its version range).
type Requirement struct {
	Ref      ref.Ref
	RangeRef ref.Ref
	Override bool
	Private  bool
	// Build requirements (tool requires) only:
	BuildRequire bool
	Context      string // "host" or "build"
	ForceHost    bool
	// Where it was declared, for messages and explain.
	File string
	Line int
}

// VersionRange returns the range expression without brackets, if any.
func (r *Requirement) VersionRange() (string, bool) { return r.RangeRef.RangeExpr() }

// IsResolved reports whether a range was already resolved to a version.
func (r *Requirement) IsResolved() bool { return r.Ref != r.RangeRef }

// Alias returns the aliased reference for a "(version)" requirement.
func (r *Requirement) Alias() (ref.Ref, bool) {
	if !ref.IsAlias(r.Ref.Version) {
		return ref.Ref{}, false
	}
	a := r.Ref
	a.Version = a.Version[1 : len(a.Version)-1]
	return a, true
}

// Same is Conan's Requirement equality: override, ref and private.
func (r *Requirement) Same(o *Requirement) bool {
	return r.Override == o.Override && r.Ref == o.Ref && r.Private == o.Private
}

func (r *Requirement) String() string {
	s := r.Ref.String()
	if r.Private {
		s += " P"
	}
	return s
}

// Requirements are a recipe's requirements by package name, in order
// (Conan's Requirements). Every node holds two sets, of a handful of
// names mostly (a consumer may have thousands): the names are a
// strindex.List, which a Go map per set outweighed.
type Requirements struct {
	names strindex.List
	reqs  []*Requirement // in the order of names
}

// NewRequirements returns an empty set.
func NewRequirements() *Requirements { return &Requirements{} }

// Len is the number of requirements.
func (rs *Requirements) Len() int { return rs.names.Len() }

// Get returns a requirement by package name.
func (rs *Requirements) Get(name string) (*Requirement, bool) {
	if i := rs.names.Find(name); i >= 0 {
		return rs.reqs[i], true
	}
	return nil, false
}

// Names returns package names in order.
func (rs *Requirements) Names() []string { return slices.Clone(rs.names.Strings()) }

// Values returns requirements in order.
func (rs *Requirements) Values() []*Requirement { return slices.Clone(rs.reqs) }

// Put sets a requirement by its package name (keeping its position when
// replaced).
func (rs *Requirements) Put(name string, r *Requirement) {
	if i := rs.names.Find(name); i >= 0 {
		rs.reqs[i] = r
		return
	}
	rs.names.Add(name)
	rs.reqs = append(rs.reqs, r)
}

// Pop removes a requirement by name.
func (rs *Requirements) Pop(name string) {
	if i := rs.names.Find(name); i >= 0 {
		rs.names.RemoveAt(i)
		rs.reqs = append(rs.reqs[:i:i], rs.reqs[i+1:]...)
	}
}

// Copy is Conan's shallow copy: a new ordered map sharing the
// *Requirement values, so range resolution done through one is seen by
// the other.
func (rs *Requirements) Copy() *Requirements {
	return &Requirements{names: rs.names.Clone(), reqs: slices.Clone(rs.reqs)}
}

// Equal compares two sets by name and by Requirement.Same, in order.
func (rs *Requirements) Equal(o *Requirements) bool {
	return slices.Equal(rs.names.Strings(), o.names.Strings()) &&
		slices.EqualFunc(rs.reqs, o.reqs, (*Requirement).Same)
}

// Add adds a requirement written as text, as Conan's Requirements.add.
func (rs *Requirements) Add(text string, private, override bool, file string, line int) error {
	r, err := ref.Parse(text)
	if err != nil {
		return err
	}
	return rs.AddRef(r, private, override, file, line)
}

// AddRef adds a parsed requirement; a different one for the same name is
// an error unless the existing one was an override.
func (rs *Requirements) AddRef(r ref.Ref, private, override bool, file string, line int) error {
	n := &Requirement{Ref: r, RangeRef: r, Private: private, Override: override, File: file, Line: line}
	if i := rs.names.Find(r.Name); i >= 0 && !rs.reqs[i].Same(n) {
		old := rs.reqs[i]
		if old.Override {
			rs.reqs[i] = &Requirement{Ref: old.Ref, RangeRef: old.Ref, Private: private, Override: override, File: file, Line: line}
			return nil
		}
		return &DuplicateError{Old: old.String(), New: n.String()}
	}
	rs.Put(r.Name, n)
	return nil
}

// DuplicateError is Conan's "Duplicated requirement".
type DuplicateError struct{ Old, New string }

func (e *DuplicateError) Error() string {
	return fmt.Sprintf("Duplicated requirement %s != %s", e.Old, e.New)
}

// Override is Conan's Requirements.override (for --require-override).
func (rs *Requirements) Override(r ref.Ref) {
	if i := rs.names.Find(r.Name); i >= 0 {
		rs.reqs[i] = &Requirement{Ref: r, RangeRef: r}
		return
	}
	rs.Put(r.Name, &Requirement{Ref: r, RangeRef: r, Override: true})
}

// Warning is a message Conan prints with "WARN:".
type Warning string

// Downstream are the requirements that flow from consumers towards
// their dependencies (Conan's new_reqs): every consumer's requirements,
// merged down the graph so that a consumer can override the version a
// dependency asks for. Every node receives them, and a consumer that
// requires 10,000 packages passes all of them to every node below it, so
// that the versions of one expansion share one map (see downScope):
// Update makes a version from the newest, and Release undoes it when the
// node it was made for is expanded. Conan iterates them in order only to
// build messages for the ones that match, which Update does from the
// requirements it holds, so no order is kept.
type Downstream struct {
	s *downScope
	// base and top are the length of the scope's log before and after
	// this version's changes.
	base, top int
}

// NoDownstream is what the root receives.
func NoDownstream() Downstream { return Downstream{s: newDownScope()} }

// newest reports whether no later version's changes are in the map.
func (d Downstream) newest() bool { return d.top == len(d.s.log) }

// Get returns the downstream requirement on a package name.
func (d Downstream) Get(name string) (*Requirement, bool) {
	if d.s == nil {
		return nil, false
	}
	r := d.s.at(d.top, name)
	return r, r != nil
}

// All yields the requirements by name, in no particular order, when this
// is the newest version (ok false otherwise, and nothing is yielded):
// the scope's map then holds exactly them.
func (d Downstream) All() (seq func(yield func(name string, r *Requirement) bool), ok bool) {
	if d.s != nil && !d.newest() {
		return nil, false
	}
	return func(yield func(string, *Requirement) bool) {
		if d.s == nil {
			return
		}
		for name, r := range d.s.m {
			if !yield(name, r) {
				return
			}
		}
	}, true
}

// Len is the number of requirements.
func (d Downstream) Len() int {
	switch {
	case d.s == nil:
		return 0
	case d.newest():
		return d.s.size
	}
	return d.s.snapshot(d.top).size
}

// Pending is how many changes newer versions still hold in the map: 0
// once every version made from this one is released.
func (d Downstream) Pending() int {
	if d.s == nil {
		return 0
	}
	return len(d.s.log) - d.top
}

// Release undoes this version's changes (and any later version's still
// there): its node is expanded, and nothing reads it any more.
func (d Downstream) Release() {
	if d.s != nil {
		d.s.undo(d.base)
	}
}

// Update applies requirements coming from downstream (down) to rs, as
// Conan's Requirements.update: a downstream requirement on the same name
// overrides the version here. ownRef and downRef name the packages for
// messages ("" for a consumer). It returns what to pass further upstream
// and the override warnings.
func (rs *Requirements) Update(down Downstream, ownRef, ownName, downRef string, errorOnOverride bool) (Downstream, []Warning, error) {
	s := down.s
	switch {
	case s == nil:
		s = newDownScope()
	case !down.newest():
		// Made from a version below the newest: on a copy of it, so that
		// the newer ones stay as they are.
		s = s.snapshot(down.top)
	}
	base := len(s.log)
	// What down holds for the package's own name, before it is removed
	// from the new version.
	var ownDown *Requirement
	if ownName != "" {
		ownDown = s.m[ownName]
		s.remove(ownName)
	}
	var warns []Warning
	for i, name := range rs.names.Strings() {
		req := rs.reqs[i]
		if req.Private {
			continue
		}
		// down's requirement: the names before this one were other names.
		other := s.m[name]
		if name == ownName {
			other = ownDown
		}
		if other != nil {
			if other.Ref != req.Ref {
				d := downRef
				if d == "" {
					d = "your conanfile"
				}
				msg := fmt.Sprintf("%s: requirement %s overridden by %s to %s ", noneStr(ownRef), req.Ref.String(), d, other.Ref.String())
				if errorOnOverride && !other.Override {
					s.undo(base)
					return Downstream{}, nil, &OverrideError{Msg: msg}
				}
				warns = append(warns, Warning(msg))
				req.Ref = other.Ref
				if _, isRange := req.VersionRange(); isRange {
					if _, otherRange := other.VersionRange(); !otherRange {
						req.RangeRef = other.RangeRef
					}
				}
			}
		}
		s.set(name, req)
	}
	return Downstream{s: s, base: base, top: len(s.log)}, warns, nil
}

func noneStr(s string) string {
	if s == "" {
		return "None"
	}
	return s
}

// OverrideError is raised with CONAN_ERROR_ON_OVERRIDE.
type OverrideError struct{ Msg string }

func (e *OverrideError) Error() string { return strings.TrimSpace(e.Msg) }
