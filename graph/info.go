package graph

import (
	"sort"

	"github.com/conid/conid/internal/pyjson"
	"github.com/conid/conid/recipe"
	py "github.com/conid/conid/recipe/python"
)

// buildTimeNodes are the nodes reachable only through build requirements.
// Each node is visited once: in a lattice the paths to a node are
// exponentially many.
func (g *Graph) buildTimeNodes() map[*Node]bool {
	public := map[*Node]bool{g.Root: true}
	current := []*Node{g.Root}
	for len(current) > 0 {
		var next []*Node
		for _, n := range current {
			for _, e := range n.Dependencies {
				if !e.BuildRequire() && !public[e.Dst] {
					public[e.Dst] = true
					next = append(next, e.Dst)
				}
			}
		}
		current = next
	}
	out := map[*Node]bool{}
	for _, n := range g.Nodes {
		if !public[n] {
			out[n] = true
		}
	}
	return out
}

// InfoItem is one entry of "conan info --json".
type InfoItem struct {
	Node  *Node
	Nodes []*Node // every node with the same reference and package ID
	JSON  pyjson.Object
}

// Info returns the entries of "conan info --json": one per (reference,
// package ID), sorted as Conan sorts nodes, entries sharing a reference
// ordered by context then ID.
func (g *Graph) Info() ([]InfoItem, error) {
	nodes := append([]*Node(nil), g.Nodes...)
	sort.SliceStable(nodes, func(i, j int) bool { return nodeLess(nodes[i], nodes[j]) })
	type key struct {
		ref string
		id  string
	}
	var order []key
	groups := map[key][]*Node{}
	for _, n := range nodes {
		k := key{n.Ref.Full(), n.PackageID}
		if n.Recipe == RecipeConsumer || n.Recipe == RecipeVirtual {
			k.ref = "\x00" + n.Recipe
		}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], n)
	}
	bt := g.buildTimeNodes()
	var items []InfoItem
	for _, k := range order {
		list := groups[k]
		n := list[0]
		if n.Recipe == RecipeVirtual {
			continue
		}
		it, err := g.infoItem(n, list, bt)
		if err != nil {
			return nil, err
		}
		items = append(items, it)
	}
	// Conan leaves entries of one reference in arbitrary order; order
	// them by context, then ID, as the conformance corpus does.
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i].Node, items[j].Node
		if a.Recipe == RecipeConsumer || b.Recipe == RecipeConsumer || a.Ref.Full() != b.Ref.Full() {
			return false
		}
		if a.Context != b.Context {
			return a.Context < b.Context
		}
		return a.PackageID < b.PackageID
	})
	return items, nil
}

func (g *Graph) infoItem(n *Node, list []*Node, bt map[*Node]bool) (InfoItem, error) {
	c := n.Conanfile
	var o pyjson.Object
	isRef := n.Recipe != RecipeConsumer
	reference := c.DisplayName
	if isRef {
		o.Set("revision", nilIfEmpty(n.Ref.Revision))
		reference = n.Ref.String()
	}
	o.Set("reference", reference)
	o.Set("is_ref", isRef)
	o.Set("display_name", c.DisplayName)
	o.Set("id", n.PackageID)
	bid, err := c.BuildID()
	if err != nil {
		return InfoItem{}, err
	}
	o.Set("build_id", nilIfEmpty(bid))
	o.Set("context", n.Context)
	o.Set("invalid_build", n.CantBuild != "")
	if n.CantBuild != "" {
		o.Set("invalid_build_reason", n.CantBuild)
	}
	if isRef && n.Remote != "" {
		var rem pyjson.Object
		rem.Set("name", n.Remote)
		rem.Set("url", n.RemoteURL)
		o.Set("remote", rem)
	}
	if c.Obj != nil {
		for _, attr := range []struct {
			name   string
			asList bool
		}{{"url", false}, {"homepage", false}, {"license", true}, {"author", false}, {"description", false}, {"topics", true}, {"deprecated", false}, {"provides", true}, {"scm", false}} {
			var v py.Value
			var ok bool
			if attr.name == "provides" {
				v = c.Provides()
				ok = v != nil
			} else {
				v, ok, err = c.Attr(attr.name)
				if err != nil {
					return InfoItem{}, err
				}
			}
			if !ok || v == nil {
				continue
			}
			if t, _ := c.Loader.In.Truth(v); !t {
				continue
			}
			jv, err := recipe.ToJSON(c.Loader.In, v, attr.asList)
			if err != nil {
				continue
			}
			o.Set(attr.name, jv)
		}
	}
	if isRef {
		o.Set("recipe", n.Recipe)
		o.Set("package_revision", nilIfEmpty(n.Prev))
		o.Set("binary", n.Binary)
		if n.BinaryRemote != "" {
			o.Set("binary_remote", n.BinaryRemote)
		}
	}
	if isRef && n.Manifest != "" {
		if created := recipe.ManifestTime(n.Manifest); created != "" {
			o.Set("creation_date", created)
		}
	}
	if isRef {
		var requiredBy []string
		for _, x := range list {
			for _, d := range x.Dependants {
				if d.Src.Recipe != RecipeVirtual {
					requiredBy = append(requiredBy, d.Src.Conanfile.DisplayName)
				}
			}
		}
		if len(requiredBy) > 0 {
			sort.Strings(requiredBy)
			o.Set("required_by", requiredBy)
		}
	}
	var requires, brequires []string
	for _, d := range n.Neighbors() {
		if bt[d] {
			brequires = append(brequires, d.Ref.NoRevision().Full())
		} else {
			requires = append(requires, d.Ref.NoRevision().Full())
		}
	}
	if len(requires) > 0 {
		o.Set("requires", requires)
	}
	if len(brequires) > 0 {
		o.Set("build_requires", brequires)
	}
	return InfoItem{Node: n, Nodes: list, JSON: o}, nil
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}
