package graph

import (
	"io"
	"path/filepath"
	"sort"
	"strconv"

	"github.com/conid/conid/internal/pyjson"
	"github.com/conid/conid/options"
	"github.com/conid/conid/recipe/ref"
)

// LockNode is one node of a Conan 1 lockfile (format 0.4).
type LockNode struct {
	ID  string
	Ref string // without revision; "" for consumers
	// Options are the node's final option values, whose Dumps is the
	// lockfile's "options" text; WriteLockfile writes it from them as the
	// file is written: with a line per option of each package's closure,
	// the texts of a 100,000-package graph would take gigabytes.
	Options   *options.Values
	PackageID string
	Prev      string
	// PythonRequires are the recipe's python_requires (all of them, the
	// transitive ones included), as references.
	PythonRequires []string
	Requires       []string
	BuildRequires  []string
	Path           string
	Context        string
}

// Lock returns the lockfile nodes of a graph, as Conan's GraphLock with
// revisions disabled: every node but the virtual root.
func (g *Graph) Lock() []LockNode { return g.LockRevisions(false) }

// LockRevisions is Lock with Conan's revisions_enabled: references carry
// their recipe revision and binaries their package revision.
func (g *Graph) LockRevisions(revisions bool) []LockNode {
	var out []LockNode
	for _, n := range g.Nodes {
		if n.Recipe == RecipeVirtual {
			continue
		}
		ln := LockNode{ID: n.ID, Context: n.Context, Path: n.Path}
		for _, e := range n.Dependencies {
			if e.BuildRequire() {
				ln.BuildRequires = append(ln.BuildRequires, e.Dst.ID)
			} else {
				ln.Requires = append(ln.Requires, e.Dst.ID)
			}
		}
		if n.Conanfile != nil {
			for _, pr := range n.Conanfile.Recipe.PythonRequires() {
				if !revisions {
					pr = pr.NoRevision()
				}
				ln.PythonRequires = append(ln.PythonRequires, lockRef(pr))
			}
		}
		hasRef := n.Ref.Name != ""
		if hasRef {
			r := n.Ref
			if !revisions {
				r = r.NoRevision()
			}
			ln.Ref = lockRef(r)
		}
		if hasRef && n.Ref.Revision != "" {
			ln.PackageID = n.PackageID
			if n.Prev != "" {
				ln.Prev = "0"
				if revisions {
					ln.Prev = n.Prev
				}
			}
		}
		ln.Options = n.Conanfile.Options.SharedValues() // read only: no copies
		out = append(out, ln)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, _ := strconv.Atoi(out[i].ID)
		b, _ := strconv.Atoi(out[j].ID)
		return a < b
	})
	return out
}

// WriteLockfile writes a lockfile as Conan writes it, with or without
// Conan's revisions_enabled. dir is the folder of the lockfile: consumer
// paths are written relative to it.
func WriteLockfile(w io.Writer, nodes []LockNode, dir, profileHost, profileBuild string, revisions bool) error {
	jn := make(pyjson.Object, 0, len(nodes))
	var d options.Dumper
	for _, n := range nodes {
		var o pyjson.Object
		if n.Ref != "" {
			o.Set("ref", n.Ref)
		}
		o.Set("options", pyjson.Text(func(w io.StringWriter) { d.DumpsTo(w, n.Options) }))
		if n.PackageID != "" {
			o.Set("package_id", n.PackageID)
		}
		if n.Prev != "" {
			o.Set("prev", n.Prev)
		}
		if len(n.PythonRequires) > 0 {
			o.Set("python_requires", n.PythonRequires)
		}
		if len(n.Requires) > 0 {
			o.Set("requires", n.Requires)
		}
		if len(n.BuildRequires) > 0 {
			o.Set("build_requires", n.BuildRequires)
		}
		if n.Path != "" {
			p := n.Path
			if abs, err := filepath.Abs(n.Path); err == nil {
				if absDir, err := filepath.Abs(dir); err == nil {
					if rel, err := filepath.Rel(absDir, abs); err == nil {
						p = rel
					}
				}
			}
			o.Set("path", p)
		}
		if n.Context != "" {
			o.Set("context", n.Context)
		}
		jn.Set(n.ID, o)
	}
	var gl pyjson.Object
	gl.Set("nodes", jn)
	gl.Set("revisions_enabled", revisions)
	var top pyjson.Object
	top.Set("graph_lock", gl)
	top.Set("version", "0.4")
	if profileHost != "" {
		top.Set("profile_host", profileHost)
	}
	if profileBuild != "" {
		top.Set("profile_build", profileBuild)
	}
	return pyjson.Write(w, top, 1)
}

// lockRef is repr() of a reference as Conan's lockfile writes it: a
// consumer's missing version (or user or channel, when the other is set)
// is "None".
func lockRef(r ref.Ref) string {
	if r.Version != "" && (r.User == "") == (r.Channel == "") {
		return r.Full()
	}
	s := r.Name + "/" + orNoneStr(r.Version)
	if r.User != "" || r.Channel != "" {
		s += "@" + orNoneStr(r.User) + "/" + orNoneStr(r.Channel)
	}
	if r.Revision != "" {
		s += "#" + r.Revision
	}
	return s
}
