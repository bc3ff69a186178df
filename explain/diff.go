package explain

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/conid/conid/graph"
)

// Diff compares the package IDs of two resolutions of a graph.
type Diff struct {
	Changed []*PackageDiff `json:"changed"`
	// Same counts the packages whose ID did not change.
	Same    int      `json:"same"`
	Added   []string `json:"added,omitempty"`   // only in the right graph
	Removed []string `json:"removed,omitempty"` // only in the left graph
}

// PackageDiff says why one package's ID differs.
type PackageDiff struct {
	Package string `json:"package"` // name, or the consumer file
	Context string `json:"context"`
	LeftRef string `json:"left_ref"`
	Ref     string `json:"right_ref"`
	LeftID  string `json:"left_id"`
	ID      string `json:"right_id"`
	// Line changes per section: "-" lines only on the left, "+" lines
	// only on the right.
	Settings []string `json:"settings,omitempty"`
	Options  []string `json:"options,omitempty"`
	Requires []string `json:"requires,omitempty"`
	Python   []string `json:"python_requires,omitempty"`
	Conf     []string `json:"conf,omitempty"`
	// Causes name the upstream change behind each changed requirement
	// line.
	Causes []string `json:"causes,omitempty"`
	// Note explains a change with no line difference (a special ID).
	Note string `json:"note,omitempty"`
}

type nodeKey struct{ name, context string }

func keyOf(n *graph.Node) nodeKey {
	name := n.Name()
	if n.Path != "" {
		name = filepath.Base(n.Path)
		if n.Name() != "" {
			name = n.Name()
		}
	}
	return nodeKey{name, n.Context}
}

func index(g *graph.Graph) (map[nodeKey]*graph.Node, []nodeKey) {
	m := map[nodeKey]*graph.Node{}
	var order []nodeKey
	for _, n := range g.Nodes {
		if n.Recipe == graph.RecipeVirtual {
			continue
		}
		k := keyOf(n)
		if _, dup := m[k]; !dup {
			order = append(order, k)
		}
		m[k] = n
	}
	return m, order
}

// Compare diffs two graphs of the same project. Packages are matched by
// name and context; a package's ID change is explained by the hashed
// lines that differ, and a changed requirement line by what changed
// upstream. Packages are listed upstream first.
func Compare(left, right *graph.Graph) *Diff {
	lm, _ := index(left)
	rm, rorder := index(right)
	d := &Diff{}
	changed := map[nodeKey]*PackageDiff{}
	for _, level := range right.ByLevels() {
		for _, rn := range level {
			if rn.Recipe == graph.RecipeVirtual {
				continue
			}
			k := keyOf(rn)
			ln, ok := lm[k]
			if !ok {
				d.Added = append(d.Added, fmt.Sprintf("%s (%s)", nodeName(rn), k.context))
				continue
			}
			if ln.PackageID == rn.PackageID && ln.Ref.String() == rn.Ref.String() {
				d.Same++
				continue
			}
			pd := comparePair(k, ln, rn, lm, rm, changed)
			changed[k] = pd
			d.Changed = append(d.Changed, pd)
		}
	}
	for _, k := range orderOf(left) {
		if _, ok := rm[k]; !ok {
			d.Removed = append(d.Removed, fmt.Sprintf("%s (%s)", nodeName(lm[k]), k.context))
		}
	}
	_ = rorder
	return d
}

func orderOf(g *graph.Graph) []nodeKey {
	_, order := index(g)
	return order
}

func comparePair(k nodeKey, ln, rn *graph.Node, lm, rm map[nodeKey]*graph.Node, changed map[nodeKey]*PackageDiff) *PackageDiff {
	pd := &PackageDiff{Package: k.name, Context: k.context, LeftRef: nodeName(ln), Ref: nodeName(rn), LeftID: ln.PackageID, ID: rn.PackageID}
	lc, rc := ln.Computation, rn.Computation
	pd.Settings = lineDiff(lc.SettingsLines, rc.SettingsLines)
	pd.Options = lineDiff(lc.OptionsOwn, rc.OptionsOwn)
	ldeps := map[string][]string{}
	for _, x := range lc.OptionsDeps() {
		ldeps[x.Name] = x.Lines
	}
	for _, x := range rc.OptionsDeps() {
		for _, l := range lineDiff(ldeps[x.Name], x.Lines) {
			pd.Options = append(pd.Options, l[:1]+x.Name+":"+l[1:])
		}
		delete(ldeps, x.Name)
	}
	for name, lines := range ldeps {
		for _, l := range lines {
			pd.Options = append(pd.Options, "-"+name+":"+l)
		}
	}
	pd.Requires = lineDiff(lc.RequireLines, rc.RequireLines)
	pd.Python = lineDiff(lc.PythonLines, rc.PythonLines)
	pd.Conf = lineDiff(confLines(lc), confLines(rc))
	if len(pd.Requires) > 0 {
		pd.Causes = causes(ln, rn, lm, rm, changed)
	}
	if ln.PackageID != rn.PackageID && len(pd.Settings)+len(pd.Options)+len(pd.Requires)+len(pd.Python)+len(pd.Conf) == 0 {
		pd.Note = "no hashed line differs"
		if lc.ID != rc.ID && (len(lc.Lines) == 0 || len(rc.Lines) == 0) {
			pd.Note = "one side has a special ID (" + lc.ID + " / " + rc.ID + ")"
		}
	}
	if ln.PackageID == rn.PackageID && pd.Note == "" {
		pd.Note = "same package ID, different reference"
	}
	return pd
}

// causes explains changed requirement lines by the upstream nodes the
// requirement points at.
func causes(ln, rn *graph.Node, lm, rm map[nodeKey]*graph.Node, changed map[nodeKey]*PackageDiff) []string {
	lreq := map[string]string{}
	if ln.Conanfile != nil && ln.Conanfile.Info != nil {
		for _, r := range ln.Conanfile.Info.Requires.All() {
			line, _ := r.HashLine()
			lreq[r.Pref.Ref.Name] = line
		}
	}
	var out []string
	if rn.Conanfile == nil || rn.Conanfile.Info == nil {
		return nil
	}
	seen := map[string]bool{}
	for _, r := range rn.Conanfile.Info.Requires.All() {
		name := r.Pref.Ref.Name
		seen[name] = true
		line, _ := r.HashLine()
		old, had := lreq[name]
		if had && old == line {
			continue
		}
		up := nodeKey{name, rn.Context}
		lu, rup := lm[up], rm[up]
		switch {
		case !had:
			out = append(out, fmt.Sprintf("%s is a new requirement (%s)", name, r.Mode))
		case lu != nil && rup != nil && lu.Ref.String() != rup.Ref.String():
			out = append(out, fmt.Sprintf("%s changed version %s -> %s (%s keeps %q)", name, lu.Ref.String(), rup.Ref.String(), r.Mode, line))
		case changed[up] != nil && lu != nil && rup != nil && lu.PackageID != rup.PackageID:
			out = append(out, fmt.Sprintf("%s's package ID changed (see %s above; %s hashes it)", name, name, r.Mode))
		default:
			out = append(out, fmt.Sprintf("%s: the mode changed (%s, from %s)", name, r.Mode, r.ModeFrom))
		}
	}
	for name := range lreq {
		if !seen[name] && lreq[name] != "" {
			out = append(out, name+" is no longer a requirement")
		}
	}
	return out
}

// lineDiff returns "-line" for lines only in a, "+line" for lines only in
// b, in order.
func lineDiff(a, b []string) []string {
	inA, inB := map[string]int{}, map[string]int{}
	for _, l := range a {
		inA[l]++
	}
	for _, l := range b {
		inB[l]++
	}
	var out []string
	for _, l := range a {
		if inB[l] == 0 {
			out = append(out, "-"+l)
		} else {
			inB[l]--
		}
	}
	for _, l := range b {
		if inA[l] == 0 {
			out = append(out, "+"+l)
		} else {
			inA[l]--
		}
	}
	return out
}

// WriteDiffText renders a diff for people.
func WriteDiffText(w io.Writer, d *Diff) error {
	if len(d.Changed) == 0 && len(d.Added) == 0 && len(d.Removed) == 0 {
		fmt.Fprintf(w, "no package ID changed (%d packages)\n", d.Same)
		return nil
	}
	noun := "package IDs"
	if len(d.Changed) == 1 {
		noun = "package ID"
	}
	fmt.Fprintf(w, "%d %s changed, %d unchanged\n", len(d.Changed), noun, d.Same)
	for _, p := range d.Changed {
		ref := p.Ref
		if p.LeftRef != p.Ref {
			ref = p.LeftRef + " -> " + p.Ref
		}
		fmt.Fprintf(w, "\n# %s (%s)\n    %s -> %s\n", ref, p.Context, p.LeftID, p.ID)
		for _, sec := range []struct {
			name  string
			lines []string
		}{{"settings", p.Settings}, {"options", p.Options}, {"requires", p.Requires}, {"python_requires", p.Python}, {"conf", p.Conf}} {
			if len(sec.lines) == 0 {
				continue
			}
			fmt.Fprintf(w, "  %s:\n", sec.name)
			for _, l := range sec.lines {
				fmt.Fprintf(w, "    %s %s\n", l[:1], l[1:])
			}
		}
		for _, c := range p.Causes {
			fmt.Fprintf(w, "  because %s\n", c)
		}
		if p.Note != "" {
			fmt.Fprintf(w, "  %s\n", p.Note)
		}
	}
	if len(d.Added) > 0 {
		fmt.Fprintf(w, "\nonly on the right: %s\n", strings.Join(d.Added, ", "))
	}
	if len(d.Removed) > 0 {
		fmt.Fprintf(w, "\nonly on the left: %s\n", strings.Join(d.Removed, ", "))
	}
	return nil
}
